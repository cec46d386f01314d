// What the MinIO script sets up: one notification per s3_sensor and per `source: minio` webhook trigger that
// goes to the minio target, each a notify_webhook target of its own plus one bucket event rule pointing at
// it. The checks of this target that the capability matrix cannot express live here too (E0560-E0565).
#pragma once

#include <string>
#include <vector>

#include "compiler/diag/diagnostic.h"
#include "compiler/emit/minio/filter.h"
#include "compiler/model/model.h"

namespace trigc::emit::minio {

/// One bucket notification: its webhook target and its event rule. Every string is raw (not yet escaped).
struct Notification {
  const model::Pipeline* pipeline = nullptr;
  const model::Trigger* trigger = nullptr;
  bool enabled = true;         ///< false when the trigger or its pipeline is disabled: the script removes it
  std::string webhook_id;      ///< `trigc-<pipeline>-<trigger>`: [a-z0-9_-], unique (names have no `-`)
  std::string url;             ///< webhook_base_url + endpoint
  std::string token_variable;  ///< environment variable holding the auth token; "" for none
  std::string bucket;
  KeyFilter filter;
  std::string events;       ///< `mc event add --event` value: "put", "put,delete", ...
  std::string event_names;  ///< the same as the JSON array `mc event ls --json` prints, sorted
};

/// Everything one script sets up.
struct Plan {
  std::string alias;                        ///< `targets.minio.alias`, default "minio"
  std::vector<Notification> notifications;  ///< pipelines in emit order, triggers in config order
};

/// The endpoint of an s3_sensor trigger, which has none of its own: `/webhooks/<pipeline>-<trigger>`.
std::string SensorEndpoint(const model::Pipeline& pipeline, const model::Trigger& trigger);

/// The auth token variable of an s3_sensor trigger: `<PIPELINE>_<TRIGGER>_WEBHOOK_SECRET`, upper case.
std::string SensorTokenVariable(const model::Pipeline& pipeline, const model::Trigger& trigger);

/// Builds the plan of `project`, reporting E0560-E0565 into `sink` for what MinIO cannot set up.
Plan PlanNotifications(const model::Project& project, DiagSink& sink);

}  // namespace trigc::emit::minio
