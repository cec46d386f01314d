// Validates the bundled example repository against schemas/*.schema.json with valijson, the validator
// the trigc binary embeds (strong types, nlohmann adapter), and checks that invalid snippets are rejected
// with a direct error. Complements check_schemas.py, which uses python-jsonschema: a schema construct that
// one validator reads differently from the other fails here.
//
// With GENERATED_DIR, the schemas the build strips for validation (<kind>.validation.json, see
// tools/schema_strip.cc) go through every check too, and must give exactly the errors of the full schemas.
//
// Usage: schema_valijson_check SOURCE_DIR [GENERATED_DIR]
#include <algorithm>
#include <charconv>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <regex>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>
#include <nlohmann/json.hpp>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

namespace fs = std::filesystem;

namespace {

int failures = 0;

void fail(const std::string& msg) {
  ++failures;
  std::cout << "  FAIL " << msg << "\n";
}

// The example files are trusted; this conversion only needs the YAML 1.2 core forms they use.
nlohmann::json to_json(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map: {
      nlohmann::json obj = nlohmann::json::object();
      for (const auto& kv : node) obj[kv.first.Scalar()] = to_json(kv.second);
      return obj;
    }
    case YAML::NodeType::Sequence: {
      nlohmann::json arr = nlohmann::json::array();
      for (const auto& item : node) arr.push_back(to_json(item));
      return arr;
    }
    case YAML::NodeType::Scalar: {
      const std::string& s = node.Scalar();
      if (node.Tag() == "!") return s;  // quoted: always a string
      if (s == "true") return true;
      if (s == "false") return false;
      if (s == "null" || s == "~") return nullptr;
      static const std::regex integer("^-?(0|[1-9][0-9]{0,17})$");
      if (std::regex_match(s, integer)) {
        std::int64_t v = 0;
        std::from_chars(s.data(), s.data() + s.size(), v);
        return v;
      }
      return s;
    }
    default:
      return nullptr;
  }
}

struct LoadedSchema {
  nlohmann::json doc;
  valijson::Schema schema;
};

bool load_schema(const fs::path& path, LoadedSchema& out) {
  try {
    std::ifstream in(path);
    out.doc = nlohmann::json::parse(in);
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    valijson::adapters::NlohmannJsonAdapter adapter(out.doc);
    parser.populateSchema(adapter, out.schema);
    return true;
  } catch (const std::exception& e) {
    fail(path.filename().string() + ": valijson cannot load the schema: " + e.what());
    return false;
  }
}

// Returns the error lines; empty when the instance is valid.
std::vector<std::string> validate(const valijson::Schema& schema, const nlohmann::json& doc) {
  valijson::Validator validator(valijson::Validator::kStrongTypes);
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter adapter(doc);
  std::vector<std::string> errors;
  if (validator.validate(schema, adapter, &results)) return errors;
  valijson::ValidationResults::Error error;
  while (results.popError(error)) {
    std::string where;
    for (const auto& c : error.context) where += c;
    errors.push_back(where + ": " + error.description);
  }
  if (errors.empty()) errors.push_back("<root>: invalid");
  return errors;
}

struct Invalid {
  const char* label;
  const char* json;
  const char* expect;  // a fragment that the first (most direct) error must contain
};

const Invalid kInvalidPipelines[] = {
    {"unknown key in a schedule trigger",
     R"({"triggers":[{"type":"schedule","cron":"daily","interval":60}]})", "'interval'"},
    {"unknown key in a dependency trigger",
     R"({"triggers":[{"type":"dependency","upstream":"a","cron":"daily"}]})", "'cron'"},
    {"wrong trigger type", R"({"triggers":[{"type":"cronjob"}]})", "[type]"},
    {"wrong dependency condition",
     R"({"triggers":[{"type":"dependency","upstream":"a","condition":"on_succes"}]})", "[condition]"},
    {"missing upstream", R"({"triggers":[{"type":"dependency"}]})", "'upstream'"},
    {"s3 path without trailing slash", R"({"triggers":[{"type":"s3_sensor","path":"bronze/sales"}]})",
     "[path]"},
    {"freshness trigger with a field", R"({"triggers":[{"type":"freshness","warn_after":"6h"}]})",
     "'warn_after'"},
    {"duration with two units", R"({"freshness":{"warn_after":{"hours":6,"minutes":5}}})", "[warn_after]"},
    {"duration string without unit", R"({"freshness":{"warn_after":"6"}})", "[warn_after]"},
    {"retries above 10", R"({"retries":{"attempts":11}})", "[attempts]"},
    {"enabled as a string", R"({"enabled":"false"})", "[enabled]"},
    {"params not a mapping", R"({"params":["a"]})", "params"},
};
const Invalid kInvalidProjects[] = {
    {"missing version", R"({})", "'version'"},
    {"airflow version as a string", R"({"version":1,"targets":{"airflow":{"version":"2"}}})", "[version]"},
    {"unknown pattern key", R"({"version":1,"presets":{"patterns":{"p":{"cron":"0 0 * * *","retry":3}}}})",
     "'retry'"},
    {"bad preset name", R"({"version":1,"presets":{"cron":{"Daily-Run":"0 0 * * *"}}})", "cron"},
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2 && argc != 3) {
    std::cerr << "usage: schema_valijson_check SOURCE_DIR [GENERATED_DIR]\n";
    return 2;
  }
  const fs::path root(argv[1]);
  LoadedSchema pipeline, project, stripped_pipeline, stripped_project;
  if (!load_schema(root / "schemas" / "pipeline.schema.json", pipeline) ||
      !load_schema(root / "schemas" / "project.schema.json", project)) {
    std::cout << "schema valijson check: failed\n";
    return 1;
  }
  const bool stripped = argc == 3;
  if (stripped && (!load_schema(fs::path(argv[2]) / "pipeline.validation.json", stripped_pipeline) ||
                   !load_schema(fs::path(argv[2]) / "project.validation.json", stripped_project))) {
    std::cout << "schema valijson check: failed\n";
    return 1;
  }
  // Errors of the full schema; the stripped one must give the same.
  auto errors_of = [&](const valijson::Schema& full, const valijson::Schema& lean, const nlohmann::json& doc,
                       const std::string& label) {
    std::vector<std::string> errors = validate(full, doc);
    if (stripped && validate(lean, doc) != errors) fail(label + ": the stripped schema gives other errors");
    return errors;
  };
  const fs::path example = root / "examples" / "ratatouille";
  std::vector<fs::path> files;
  if (fs::is_directory(example)) {
    for (const auto& entry : fs::recursive_directory_iterator(example))
      if (entry.is_regular_file() && entry.path().filename() == "config.yaml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  if (files.size() < 6) fail("examples/ratatouille: fewer than 6 pipelines");
  auto check_file = [&](const fs::path& file, const LoadedSchema& full, const LoadedSchema& lean) {
    std::string label = fs::relative(file, root).string();
    try {
      for (const auto& e : errors_of(full.schema, lean.schema, to_json(YAML::LoadFile(file.string())), label))
        fail(label + ": " + e);
    } catch (const std::exception& e) {
      fail(label + ": " + e.what());
    }
  };
  check_file(example / "trigc.yaml", project, stripped_project);
  for (const auto& f : files) check_file(f, pipeline, stripped_pipeline);
  auto expect_invalid = [&](const char* kind, const LoadedSchema& full, const LoadedSchema& lean,
                            const Invalid& c) {
    auto errors = errors_of(full.schema, lean.schema, nlohmann::json::parse(c.json), c.label);
    if (errors.empty()) {
      fail(std::string("invalid ") + kind + " accepted: " + c.label + ": " + c.json);
    } else if (errors.front().find(c.expect) == std::string::npos) {
      fail(std::string(kind) + " '" + c.label + "': first error does not mention " + c.expect + ": " +
           errors.front());
    }
  };
  for (const auto& c : kInvalidPipelines) expect_invalid("pipeline", pipeline, stripped_pipeline, c);
  for (const auto& c : kInvalidProjects) expect_invalid("project", project, stripped_project, c);
  if (failures) {
    std::cout << "schema valijson check: " << failures << " failure(s)\n";
    return 1;
  }
  std::cout << "schema valijson check: ok (" << files.size() + 1 << " example files valid, "
            << std::size(kInvalidPipelines) + std::size(kInvalidProjects) << " invalid snippets rejected"
            << (stripped ? ", the same with the stripped schemas" : "") << ")\n";
  return 0;
}
