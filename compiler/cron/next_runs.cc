#include "compiler/cron/next_runs.h"

#include <algorithm>

#include "compiler/cron/local_matcher.h"
#include "compiler/cron/zone_info.h"

namespace trigc::cron {
namespace {

using std::chrono::seconds;

// No run is searched for after this instant (the calendar code's range is much larger).
const date::sys_seconds kLastInstant{date::sys_days{date::year{9999} / 12 / 31}};

// How one dialect maps local times that a DST transition skips or repeats.
struct Policy {
  bool first_occurrence_only = false;   // drop the second copy of a repeated local time
  bool second_occurrence_only = false;  // drop the first copy of a repeated local time
  bool run_after_gap = false;           // a skipped match runs at the first instant after the gap
};

Policy PolicyFor(const CronExpr& expr, Dialect dialect) {
  switch (dialect) {
    case Dialect::kTrigc:
      if (expr.fixed_time) return {true, false, true};
      return {};
    case Dialect::kSystemd:
      return {true, false, false};
    case Dialect::kDagster:
      if (expr.fixed_time) return {false, true, true};
      if (expr.hours.all()) return {};
      return {false, true, false};
  }
  return {};
}

date::local_seconds ToLocal(date::sys_seconds t, seconds offset) {
  return date::local_seconds{t.time_since_epoch() + offset};
}

// Emits runs while walking the zone's intervals of constant UTC offset.
class Walker {
 public:
  Walker(const CronExpr& expr, const date::time_zone& zone, Dialect dialect, std::size_t n)
      : matcher_(expr), zone_(zone), policy_(PolicyFor(expr, dialect)), n_(n) {
    runs_.reserve(n);
  }

  std::vector<cron::Run> Walk(date::sys_seconds from) {
    date::sys_seconds t = from + seconds{1};
    horizon_ = from + kMaxLookAhead;
    while (runs_.size() < n_ && t < std::min(horizon_, kLastInstant)) {
      const date::sys_info info = InfoAt(zone_, t);
      const date::sys_seconds end = std::min(info.end, horizon_);
      WalkInterval(info, t, end);
      t = end;
    }
    return std::move(runs_);
  }

 private:
  void Emit(date::sys_seconds utc, date::local_seconds local, seconds offset) {
    if (!runs_.empty() && utc <= runs_.back().utc) return;
    runs_.push_back({utc, local, offset});
    horizon_ = std::max(horizon_, utc + kMaxLookAhead);
    horizon_ = std::min(horizon_, kLastInstant);
  }

  seconds OffsetBefore(const date::sys_info& info) const {
    if (info.begin <= date::sys_seconds{date::sys_days{date::year{1800} / 1 / 1}}) {
      return info.offset;
    }
    return InfoAt(zone_, info.begin - seconds{1}).offset;
  }

  seconds OffsetAfter(const date::sys_info& info) const {
    if (info.end >= date::sys_seconds{date::sys_days{date::year{9000} / 1 / 1}}) {
      return info.offset;
    }
    return InfoAt(zone_, info.end).offset;
  }

  void WalkInterval(const date::sys_info& info, date::sys_seconds t, date::sys_seconds end) {
    const seconds offset = info.offset;
    const seconds before = OffsetBefore(info);
    date::local_seconds lo = ToLocal(t, offset);
    date::local_seconds hi = ToLocal(end, offset);
    if (policy_.run_after_gap && before < offset && t <= info.begin) {
      // Local times in [begin + before, begin + offset) do not exist.
      const date::local_seconds gap_lo = ToLocal(info.begin, before);
      if (matcher_.Next(gap_lo, ToLocal(info.begin, offset))) {
        Emit(info.begin, ToLocal(info.begin, offset), offset);
      }
    }
    if (policy_.first_occurrence_only && before > offset) {
      lo = std::max(lo, ToLocal(info.begin, before));
    }
    if (policy_.second_occurrence_only) {
      const seconds after = OffsetAfter(info);
      if (after < offset) hi = std::min(hi, ToLocal(info.end, after));
    }
    while (runs_.size() < n_) {
      const auto found = matcher_.Next(lo, hi);
      if (!found) return;
      Emit(date::sys_seconds{found->time_since_epoch() - offset}, *found, offset);
      lo = *found + std::chrono::minutes{1};
    }
  }

  LocalMatcher matcher_;
  const date::time_zone& zone_;
  Policy policy_;
  std::size_t n_;
  date::sys_seconds horizon_{};
  std::vector<cron::Run> runs_;
};

}  // namespace

std::vector<Run> NextRuns(const CronExpr& expr, const date::time_zone& zone, date::sys_seconds from,
                          std::size_t n, Dialect dialect) {
  if (n == 0) return {};
  return Walker(expr, zone, dialect, n).Walk(from);
}

}  // namespace trigc::cron
