#include <string_view>

#include "compiler/model/model.h"

namespace trigc::model {

namespace {

constexpr const char* kTriggerNames[] = {"schedule",  "s3_sensor",  "webhook",
                                         "freshness", "dependency", "file_watch"};
constexpr const char* kTargetNames[] = {"dagster", "airflow", "prefect", "crontab", "systemd", "minio"};
constexpr const char* kConditionNames[] = {"on_success", "on_failure", "on_completion"};
constexpr const char* kOriginNames[] = {"built-in default", "written", "project default",
                                        "preset",           "pattern", "derived"};

template <typename Enum, size_t N>
bool ParseName(std::string_view text, const char* const (&names)[N], Enum& out) {
  for (size_t i = 0; i < N; ++i) {
    if (text == names[i]) {
      out = static_cast<Enum>(i);
      return true;
    }
  }
  return false;
}

}  // namespace

const char* Name(TriggerType type) { return kTriggerNames[static_cast<int>(type)]; }
const char* Name(Target target) { return kTargetNames[static_cast<int>(target)]; }
const char* Name(Condition condition) { return kConditionNames[static_cast<int>(condition)]; }
const char* Name(Origin origin) { return kOriginNames[static_cast<int>(origin)]; }
bool Parse(std::string_view text, TriggerType& out) { return ParseName(text, kTriggerNames, out); }
bool Parse(std::string_view text, Target& out) { return ParseName(text, kTargetNames, out); }
bool Parse(std::string_view text, Condition& out) { return ParseName(text, kConditionNames, out); }

}  // namespace trigc::model
