// Which emitter writes which target. Each target's emitter lives in compiler/emit/<target>/.
#include "compiler/emit/emitter.h"

namespace trigc::emit {

std::unique_ptr<Emitter> MakeDagsterEmitter();
std::unique_ptr<Emitter> MakeAirflowEmitter();
std::unique_ptr<Emitter> MakePrefectEmitter();
std::unique_ptr<Emitter> MakeCrontabEmitter();
std::unique_ptr<Emitter> MakeSystemdEmitter();
std::unique_ptr<Emitter> MakeMinioEmitter();

std::unique_ptr<Emitter> MakeEmitter(model::Target target) {
  switch (target) {
    case model::Target::kDagster:
      return MakeDagsterEmitter();
    case model::Target::kAirflow:
      return MakeAirflowEmitter();
    case model::Target::kPrefect:
      return MakePrefectEmitter();
    case model::Target::kCrontab:
      return MakeCrontabEmitter();
    case model::Target::kSystemd:
      return MakeSystemdEmitter();
    case model::Target::kMinio:
      return MakeMinioEmitter();
  }
  return nullptr;
}

}  // namespace trigc::emit
