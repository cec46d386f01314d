// The airflow emitter. Not written yet: `trigc build` reports that this target cannot be emitted (E0503).
#include "compiler/emit/emitter.h"

namespace trigc::emit {

std::unique_ptr<Emitter> MakeAirflowEmitter() { return nullptr; }

}  // namespace trigc::emit
