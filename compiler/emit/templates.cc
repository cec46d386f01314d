#include "compiler/emit/templates.h"

#include <fstream>
#include <sstream>

#include "compiler/source/sha256.h"

namespace trigc::emit {

TemplateSet::TemplateSet(const std::string& override_dir) {
  if (override_dir.empty()) return;
  for (const EmbeddedTemplate& t : EmbeddedTemplates()) {
    std::ifstream in(override_dir + "/" + std::string(t.path), std::ios::binary);
    if (!in) continue;
    std::ostringstream text;
    text << in.rdbuf();
    overrides_.emplace(std::string(t.path), text.str());
  }
}

std::string TemplateSet::Digest() const {
  Sha256 hash;
  for (const EmbeddedTemplate& t : EmbeddedTemplates()) {
    auto it = overrides_.find(t.path);
    std::string_view text = it != overrides_.end() ? std::string_view(it->second) : t.text;
    hash.Update(t.path).Update(std::string_view("\0", 1)).Update(std::to_string(text.size())).Update("\n");
    hash.Update(text);
  }
  return hash.HexDigest();
}

TemplateSet TemplateSet::ChecksOnly() {
  TemplateSet set;
  set.render_ = false;
  return set;
}

std::string TemplateSet::Render(std::string_view path, const Data& data) const {
  if (!render_) return {};
  auto cached = parsed_.find(path);
  if (cached == parsed_.end()) {
    std::string text;
    if (auto it = overrides_.find(path); it != overrides_.end()) {
      text = it->second;
    } else {
      const auto& table = EmbeddedTemplates();
      auto it2 =
          std::find_if(table.begin(), table.end(), [&](const EmbeddedTemplate& t) { return t.path == path; });
      if (it2 == table.end()) throw TemplateError("no template '" + std::string(path) + "'");
      text = std::string(it2->text);
    }
    auto tmpl = std::make_unique<kainjow::mustache::mustache>(text);
    if (!tmpl->is_valid())
      throw TemplateError("template '" + std::string(path) + "': " + tmpl->error_message());
    tmpl->set_custom_escape([](const std::string& s) { return s; });
    cached = parsed_.emplace(std::string(path), std::move(tmpl)).first;
  }
  kainjow::mustache::mustache& tmpl = *cached->second;
  std::string out;  // appended to directly: render(data) would go through an ostringstream
  tmpl.render(data, [&out](const std::string& text) { out += text; });
  if (!tmpl.is_valid()) throw TemplateError("template '" + std::string(path) + "': " + tmpl.error_message());
  return out;
}

}  // namespace trigc::emit
