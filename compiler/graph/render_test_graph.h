// The small graph whose renderings the renderer tests pin exactly.
#pragma once

#include "compiler/graph/render_common.h"
#include "compiler/graph/test_graphs.h"

namespace trigc::graph::testing {

/// ingest -> load (on_success), ingest -> alert (on_failure +15m), load -> alert (on_completion).
inline Graph SampleGraph() {
  return MakeGraph({"load", "ingest", "alert"}, {{"ingest", "load"},
                                                 {"ingest", "alert", Condition::kOnFailure, 15},
                                                 {"load", "alert", Condition::kOnCompletion}});
}

/// Label lines for SampleGraph(): alert has none.
inline NodeLabels SampleLabels() {
  return {{"s3 bronze/sales/*.parquet", "freshness warn 6h"}, {"cron 0 6 * * * America/New_York"}};
}

/// Locations for SampleGraph()'s edges.
inline EdgeLocations SampleLocations() {
  return {"pipelines/load/config.yaml:7:5", "pipelines/alert/config.yaml:9:5",
          "pipelines/alert/config.yaml:14:5"};
}

/// A graph whose names and labels try to break out of every output language.
inline Graph HostileGraph() {
  return MakeGraph({"a\"b\\", "x\ny]\"-->z", "#quot;<b>&amp;`md`"},
                   {{"a\"b\\", "x\ny]\"-->z"}, {"x\ny]\"-->z", "#quot;<b>&amp;`md`", Condition::kOnFailure}});
}

/// Hostile label lines for HostileGraph().
inline NodeLabels HostileLabels() {
  return {{"s3 \"}\\\"];\n digraph {", "bad \xff utf8"}, {"<script>alert(1)</script>"}, {"\\N \\G end"}};
}

/// Hostile locations for HostileGraph()'s edges.
inline EdgeLocations HostileLocations() { return {"p/\"q\\\"/config.yaml:1:1", "p/x&y/config.yaml:2:3"}; }

}  // namespace trigc::graph::testing
