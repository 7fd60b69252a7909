// Private to saves/: cereal's save/load for every saved type, non-intrusive, each versioned.
// Loads trust no size from the file: every container's length is checked against a fixed
// limit and against the payload bytes left (each element takes at least one byte), before
// anything is allocated.
#pragma once

#include <cereal/archives/json.hpp>
#include <cereal/archives/portable_binary.hpp>
#include <cereal/cereal.hpp>
#include <cereal/types/array.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/variant.hpp>

#include <cstdint>
#include <stdexcept>
#include <streambuf>
#include <string>
#include <vector>

#include "saves/save.hpp"

namespace rfsim::saves::detail {

using PendingEvent = sim::EventLoop<sim::Event>::Pending;

/// A read-only stream over bytes in memory, which knows its position (for error offsets).
class MemoryBuf : public std::streambuf {
 public:
  MemoryBuf(const char* data, std::size_t size) {
    char* p = const_cast<char*>(data);  // never written through: this buffer only reads
    setg(p, p, p + size);
  }
  std::uint64_t position() const { return static_cast<std::uint64_t>(gptr() - eback()); }
  std::uint64_t remaining() const { return static_cast<std::uint64_t>(egptr() - gptr()); }

 protected:
  pos_type seekoff(off_type off, std::ios_base::seekdir dir, std::ios_base::openmode) override {
    if (dir == std::ios_base::cur && off == 0) return pos_type(static_cast<off_type>(position()));
    return pos_type(off_type(-1));
  }
};

using InArchive = cereal::PortableBinaryInputArchive;

/// The buffer the current load reads from, so that loads can say where they are and how many
/// bytes are left. cereal hands loads the bare archive, hence a thread-local set per load.
struct LoadContext {
  explicit LoadContext(const MemoryBuf& buf) : previous(current) { current = &buf; }
  ~LoadContext() { current = previous; }
  LoadContext(const LoadContext&) = delete;
  LoadContext& operator=(const LoadContext&) = delete;
  static inline thread_local const MemoryBuf* current = nullptr;
  const MemoryBuf* previous;
};

/// A size or value in the payload that no honest save holds.
class BadField : public std::runtime_error {
 public:
  BadField(std::string check, std::uint64_t offset, const std::string& detail)
      : std::runtime_error(detail), check(std::move(check)), offset(offset) {}
  std::string check;     // "size", "version", "value"
  std::uint64_t offset;  // in the payload
};

// Fixed limits, far above any real game, far below a memory problem.
inline constexpr std::uint64_t kMaxString = 16u << 20;   // scenario text, notes
inline constexpr std::uint64_t kMaxElements = 1u << 26;  // any one list

inline std::uint64_t offset_of(InArchive&) {
  return LoadContext::current->position();
}

/// Reads a container's length and checks it before anything is allocated.
inline std::uint64_t read_size(InArchive& ar, std::uint64_t max, const char* what) {
  const std::uint64_t at = offset_of(ar);
  cereal::size_type n = 0;
  ar(cereal::make_size_tag(n));
  const std::uint64_t left = LoadContext::current->remaining();
  if (n > max || n > left) {
    throw BadField("size", at,
                   std::string(what) + " claims " + std::to_string(n) + " entries, but " +
                       (n > max ? "the limit is " + std::to_string(max)
                                : "only " + std::to_string(left) + " bytes are left"));
  }
  return n;
}

/// Refuses a type written by a newer rfsim than this one.
template <class T>
void check_version(InArchive& ar, std::uint32_t version, const char* type) {
  const std::uint32_t known = cereal::detail::Version<T>::version;
  if (version > known) {
    throw BadField("version", offset_of(ar),
                   std::string(type) + " has class version " + std::to_string(version) +
                       ", this rfsim reads up to " + std::to_string(known) +
                       ": the save was written by a newer rfsim");
  }
}

inline void load_string(InArchive& ar, std::string& s, const char* what) {
  const std::uint64_t n = read_size(ar, kMaxString, what);
  s.resize(n);
  ar(cereal::binary_data(s.data(), n));
}

/// A vector written as a cereal sequence (an array in JSON).
template <class T>
struct SeqOut {
  const std::vector<T>& v;
};
template <class Archive, class T>
void save(Archive& ar, const SeqOut<T>& s) {
  ar(cereal::make_size_tag(static_cast<cereal::size_type>(s.v.size())));
  if constexpr (std::is_same_v<T, bool>) {
    for (bool b : s.v) ar(b);
  } else {
    for (const T& e : s.v) ar(e);
  }
}
template <class Archive, class T>
void save_seq(Archive& ar, const char* name, const std::vector<T>& v) {
  ar(cereal::make_nvp(name, SeqOut<T>{v}));
}
template <class T>
void load_seq(InArchive& ar, std::vector<T>& v, std::uint64_t max, const char* what) {
  const std::uint64_t n = read_size(ar, max, what);
  v.clear();
  v.resize(n);
  for (std::uint64_t i = 0; i < n; ++i) {
    if constexpr (std::is_same_v<T, bool>) {
      bool b = false;
      ar(b);
      v[i] = b;
    } else {
      ar(v[i]);
    }
  }
}

template <class Archive>
void save_time(Archive& ar, const char* name, sim::SimTime t) {
  ar(cereal::make_nvp(name, t.ms()));
}
inline sim::SimTime load_time(InArchive& ar) {
  std::int64_t ms = 0;
  ar(ms);
  return sim::SimTime::from_ms(ms);
}

}  // namespace rfsim::saves::detail

// Class versions from the first commit: bump one, and gate the new field on it in load().
CEREAL_CLASS_VERSION(rfsim::sim::EventId, 1)
CEREAL_CLASS_VERSION(rfsim::sim::ThreatTick, 1)
CEREAL_CLASS_VERSION(rfsim::sim::Detected, 1)
CEREAL_CLASS_VERSION(rfsim::sim::StandardDue, 1)
CEREAL_CLASS_VERSION(rfsim::sim::ApprovalDue, 1)
CEREAL_CLASS_VERSION(rfsim::sim::Arrived, 1)
CEREAL_CLASS_VERSION(rfsim::sim::TaskDone, 1)
CEREAL_CLASS_VERSION(rfsim::sim::InjectDue, 1)
CEREAL_CLASS_VERSION(rfsim::sim::ProvocationDue, 1)
CEREAL_CLASS_VERSION(rfsim::sim::DayEnds, 1)
CEREAL_CLASS_VERSION(rfsim::saves::detail::PendingEvent, 1)
CEREAL_CLASS_VERSION(rfsim::sim::Unit, 1)
CEREAL_CLASS_VERSION(rfsim::sim::Violation, 1)
CEREAL_CLASS_VERSION(rfsim::sim::Threat, 1)
CEREAL_CLASS_VERSION(rfsim::sim::MinuteHistogram, 1)
CEREAL_CLASS_VERSION(rfsim::sim::DayRow, 1)
CEREAL_CLASS_VERSION(rfsim::sim::Measures, 1)
CEREAL_CLASS_VERSION(rfsim::sim::DecisionOption, 1)
CEREAL_CLASS_VERSION(rfsim::sim::Decision, 1)
CEREAL_CLASS_VERSION(rfsim::sim::World, 1)
CEREAL_CLASS_VERSION(rfsim::sim::Inject, 1)
CEREAL_CLASS_VERSION(rfsim::saves::Command, 1)
CEREAL_CLASS_VERSION(rfsim::saves::Snapshot, 1)
CEREAL_CLASS_VERSION(rfsim::saves::PartHashes, 1)
CEREAL_CLASS_VERSION(rfsim::saves::Keyframe, 1)
CEREAL_CLASS_VERSION(rfsim::sim::TraceRecord, 1)
CEREAL_CLASS_VERSION(rfsim::saves::TraceEntry, 1)
CEREAL_CLASS_VERSION(rfsim::saves::SaveMeta, 1)
CEREAL_CLASS_VERSION(rfsim::saves::Save, 1)

// The types' functions live in namespace cereal, which every archive's lookup reaches.
namespace cereal {

using rfsim::saves::detail::InArchive;
namespace rs = rfsim::saves;
namespace rsim = rfsim::sim;
namespace rd = rfsim::saves::detail;

// ---- Events ----
template <class A>
void save(A& ar, const rsim::EventId& e, std::uint32_t) {
  ar(make_nvp("seq", e.seq), make_nvp("slot", e.slot));
}
inline void load(InArchive& ar, rsim::EventId& e, std::uint32_t v) {
  rd::check_version<rsim::EventId>(ar, v, "EventId");
  ar(e.seq, e.slot);
}
template <class A>
void save(A& ar, const rsim::ThreatTick& e, std::uint32_t) {
  ar(make_nvp("region", e.region));
}
inline void load(InArchive& ar, rsim::ThreatTick& e, std::uint32_t v) {
  rd::check_version<rsim::ThreatTick>(ar, v, "ThreatTick");
  ar(e.region);
}
template <class A>
void save(A& ar, const rsim::Detected& e, std::uint32_t) {
  ar(make_nvp("violation", e.violation), make_nvp("serial", e.serial));
}
inline void load(InArchive& ar, rsim::Detected& e, std::uint32_t v) {
  rd::check_version<rsim::Detected>(ar, v, "Detected");
  ar(e.violation, e.serial);
}
template <class A>
void save(A& ar, const rsim::StandardDue& e, std::uint32_t) {
  ar(make_nvp("violation", e.violation), make_nvp("serial", e.serial));
}
inline void load(InArchive& ar, rsim::StandardDue& e, std::uint32_t v) {
  rd::check_version<rsim::StandardDue>(ar, v, "StandardDue");
  ar(e.violation, e.serial);
}
template <class A>
void save(A& ar, const rsim::ApprovalDue& e, std::uint32_t) {
  ar(make_nvp("violation", e.violation), make_nvp("serial", e.serial), make_nvp("unit", e.unit));
}
inline void load(InArchive& ar, rsim::ApprovalDue& e, std::uint32_t v) {
  rd::check_version<rsim::ApprovalDue>(ar, v, "ApprovalDue");
  ar(e.violation, e.serial, e.unit);
}
template <class A>
void save(A& ar, const rsim::Arrived& e, std::uint32_t) {
  ar(make_nvp("unit", e.unit));
}
inline void load(InArchive& ar, rsim::Arrived& e, std::uint32_t v) {
  rd::check_version<rsim::Arrived>(ar, v, "Arrived");
  ar(e.unit);
}
template <class A>
void save(A& ar, const rsim::TaskDone& e, std::uint32_t) {
  ar(make_nvp("unit", e.unit));
}
inline void load(InArchive& ar, rsim::TaskDone& e, std::uint32_t v) {
  rd::check_version<rsim::TaskDone>(ar, v, "TaskDone");
  ar(e.unit);
}
template <class A>
void save(A& ar, const rsim::InjectDue& e, std::uint32_t) {
  ar(make_nvp("index", e.index));
}
inline void load(InArchive& ar, rsim::InjectDue& e, std::uint32_t v) {
  rd::check_version<rsim::InjectDue>(ar, v, "InjectDue");
  ar(e.index);
}
template <class A>
void save(A& ar, const rsim::ProvocationDue& e, std::uint32_t) {
  ar(make_nvp("region", e.region), make_nvp("remaining", e.remaining));
}
inline void load(InArchive& ar, rsim::ProvocationDue& e, std::uint32_t v) {
  rd::check_version<rsim::ProvocationDue>(ar, v, "ProvocationDue");
  ar(e.region, e.remaining);
}
template <class A>
void save(A&, const rsim::DayEnds&, std::uint32_t) {}
inline void load(InArchive& ar, rsim::DayEnds&, std::uint32_t v) {
  rd::check_version<rsim::DayEnds>(ar, v, "DayEnds");
}

using rfsim::saves::detail::PendingEvent;
template <class A>
void save(A& ar, const PendingEvent& p, std::uint32_t) {
  rd::save_time(ar, "time", p.time);
  ar(make_nvp("id", p.id), make_nvp("event", p.event));
}
inline void load(InArchive& ar, PendingEvent& p, std::uint32_t v) {
  rd::check_version<PendingEvent>(ar, v, "PendingEvent");
  p.time = rd::load_time(ar);
  ar(p.id, p.event);
}

// ---- The world ----
template <class A>
void save(A& ar, const rsim::Unit& u, std::uint32_t) {
  ar(make_nvp("spec", u.spec), make_nvp("state", u.state), make_nvp("at", u.at),
     make_nvp("dest", u.dest));
  rd::save_time(ar, "depart", u.depart);
  rd::save_time(ar, "arrive", u.arrive);
  rd::save_seq(ar, "route", u.route);
  ar(make_nvp("task", u.task), make_nvp("task_serial", u.task_serial),
     make_nvp("munitions", u.munitions), make_nvp("busy_ms", u.busy_ms));
  rd::save_time(ar, "busy_since", u.busy_since);
  ar(make_nvp("next", u.next));
}
inline void load(InArchive& ar, rsim::Unit& u, std::uint32_t v) {
  rd::check_version<rsim::Unit>(ar, v, "Unit");
  ar(u.spec, u.state, u.at, u.dest);
  u.depart = rd::load_time(ar);
  u.arrive = rd::load_time(ar);
  rd::load_seq(ar, u.route, rd::kMaxElements, "unit route");
  ar(u.task, u.task_serial, u.munitions, u.busy_ms);
  u.busy_since = rd::load_time(ar);
  ar(u.next);
}

template <class A>
void save(A& ar, const rsim::Violation& x, std::uint32_t) {
  ar(make_nvp("serial", x.serial), make_nvp("type", x.type), make_nvp("region", x.region));
  rd::save_time(ar, "at", x.at);
  rd::save_time(ar, "detect_due", x.detect_due);
  rd::save_time(ar, "detected", x.detected);
  rd::save_time(ar, "answered", x.answered);
  ar(make_nvp("level", x.level), make_nvp("responder", x.responder),
     make_nvp("refusals", x.refusals), make_nvp("standard_passed", x.standard_passed));
}
inline void load(InArchive& ar, rsim::Violation& x, std::uint32_t v) {
  rd::check_version<rsim::Violation>(ar, v, "Violation");
  ar(x.serial, x.type, x.region);
  x.at = rd::load_time(ar);
  x.detect_due = rd::load_time(ar);
  x.detected = rd::load_time(ar);
  x.answered = rd::load_time(ar);
  ar(x.level, x.responder, x.refusals, x.standard_passed);
}

template <class A>
void save(A& ar, const rsim::Threat& t, std::uint32_t) {
  ar(make_nvp("base", t.base), make_nvp("excitation", t.excitation));
  rd::save_time(ar, "excitation_at", t.excitation_at);
  ar(make_nvp("armed_strength", t.armed_strength), make_nvp("bound", t.bound),
     make_nvp("tick", t.tick));
}
inline void load(InArchive& ar, rsim::Threat& t, std::uint32_t v) {
  rd::check_version<rsim::Threat>(ar, v, "Threat");
  ar(t.base, t.excitation);
  t.excitation_at = rd::load_time(ar);
  ar(t.armed_strength, t.bound, t.tick);
}

/// A histogram is written sparse: most of its 10,081 minute bins are empty.
struct Bin {
  std::uint32_t index = 0;
  std::uint32_t count = 0;
};
template <class A>
void save(A& ar, const Bin& b) {
  ar(make_nvp("minute", b.index), make_nvp("count", b.count));
}
inline void load(InArchive& ar, Bin& b) {
  ar(b.index, b.count);
}

template <class A>
void save(A& ar, const rsim::MinuteHistogram& h, std::uint32_t) {
  std::vector<Bin> bins;
  for (std::uint32_t i = 0; i < h.bins().size(); ++i) {
    if (h.bins()[i] != 0) bins.push_back(Bin{i, h.bins()[i]});
  }
  ar(make_nvp("count", h.count()), make_nvp("total_ms", h.total_ms()));
  rd::save_seq(ar, "bins", bins);
}
inline void load(InArchive& ar, rsim::MinuteHistogram& h, std::uint32_t v) {
  rd::check_version<rsim::MinuteHistogram>(ar, v, "MinuteHistogram");
  std::uint64_t count = 0;
  std::int64_t total_ms = 0;
  ar(count, total_ms);
  std::vector<Bin> sparse;
  rd::load_seq(ar, sparse, rsim::MinuteHistogram::kBins, "histogram bins");
  std::vector<std::uint32_t> bins(rsim::MinuteHistogram::kBins, 0);
  for (const Bin& b : sparse) {
    if (b.index >= bins.size()) {
      throw rd::BadField("value", rd::offset_of(ar),
                         "histogram bin " + std::to_string(b.index) + " out of range");
    }
    bins[b.index] = b.count;
  }
  h.restore(std::move(bins), count, total_ms);
}

template <class A>
void save(A& ar, const rsim::DayRow& d, std::uint32_t) {
  ar(make_nvp("day", d.day), make_nvp("by_type", d.by_type), make_nvp("detected", d.detected),
     make_nvp("answered_in_standard", d.answered_in_standard), make_nvp("escalation", d.escalation),
     make_nvp("regime", d.regime));
}
inline void load(InArchive& ar, rsim::DayRow& d, std::uint32_t v) {
  rd::check_version<rsim::DayRow>(ar, v, "DayRow");
  ar(d.day, d.by_type, d.detected, d.answered_in_standard, d.escalation, d.regime);
}

template <class A>
void save(A& ar, const rsim::Measures& m, std::uint32_t) {
  ar(make_nvp("by_type", m.by_type));
  rd::save_seq(ar, "by_region", m.by_region);
  ar(make_nvp("violations", m.violations), make_nvp("detected", m.detected),
     make_nvp("dispatched", m.dispatched), make_nvp("answered", m.answered),
     make_nvp("answered_in_standard", m.answered_in_standard),
     make_nvp("blocked_by_caveats", m.blocked_by_caveats), make_nvp("refusals", m.refusals),
     make_nvp("no_unit_available", m.no_unit_available),
     make_nvp("time_to_detect", m.time_to_detect), make_nvp("time_to_respond", m.time_to_respond));
  rd::save_seq(ar, "days", m.days);
  ar(make_nvp("today", m.today), make_nvp("days_above_threshold", m.days_above_threshold),
     make_nvp("ceasefire_broken", m.ceasefire_broken));
  rd::save_time(ar, "broken_at", m.broken_at);
  ar(make_nvp("unit_busy_ms", m.unit_busy_ms));
}
inline void load(InArchive& ar, rsim::Measures& m, std::uint32_t v) {
  rd::check_version<rsim::Measures>(ar, v, "Measures");
  ar(m.by_type);
  rd::load_seq(ar, m.by_region, rd::kMaxElements, "measures.by_region");
  ar(m.violations, m.detected, m.dispatched, m.answered, m.answered_in_standard,
     m.blocked_by_caveats, m.refusals, m.no_unit_available, m.time_to_detect, m.time_to_respond);
  rd::load_seq(ar, m.days, rd::kMaxElements, "measures.days");
  ar(m.today, m.days_above_threshold, m.ceasefire_broken);
  m.broken_at = rd::load_time(ar);
  ar(m.unit_busy_ms);
}

template <class A>
void save(A& ar, const rsim::DecisionOption& o, std::uint32_t) {
  ar(make_nvp("unit", o.unit), make_nvp("level", o.level), make_nvp("eta_ms", o.eta.count_ms()),
     make_nvp("p_in_standard", o.p_in_standard));
}
inline void load(InArchive& ar, rsim::DecisionOption& o, std::uint32_t v) {
  rd::check_version<rsim::DecisionOption>(ar, v, "DecisionOption");
  std::int64_t eta = 0;
  ar(o.unit, o.level, eta, o.p_in_standard);
  o.eta = rsim::Duration::ms(eta);
}

template <class A>
void save(A& ar, const rsim::Decision& d, std::uint32_t) {
  ar(make_nvp("id", d.id), make_nvp("kind", d.kind));
  rd::save_time(ar, "asked", d.asked);
  ar(make_nvp("violation", d.violation), make_nvp("serial", d.serial), make_nvp("unit", d.unit));
  rd::save_seq(ar, "options", d.options);
}
inline void load(InArchive& ar, rsim::Decision& d, std::uint32_t v) {
  rd::check_version<rsim::Decision>(ar, v, "Decision");
  ar(d.id, d.kind);
  d.asked = rd::load_time(ar);
  ar(d.violation, d.serial, d.unit);
  rd::load_seq(ar, d.options, rd::kMaxElements, "decision options");
}

template <class A>
void save(A& ar, const rsim::World& w, std::uint32_t) {
  ar(make_nvp("regime", w.regime), make_nvp("us_support", w.us_support));
  rd::save_time(ar, "now", w.loop.now());
  ar(make_nvp("next_seq", w.loop.next_seq()), make_nvp("executed", w.loop.executed()));
  rd::save_seq(ar, "pending", w.loop.pending_in_order());
  rd::save_seq(ar, "units", w.units);
  rd::save_seq(ar, "violations", w.violations);
  rd::save_seq(ar, "free_violation_slots", w.free_violation_slots);
  ar(make_nvp("next_violation_serial", w.next_violation_serial));
  rd::save_seq(ar, "threats", w.threats);
  rd::save_seq(ar, "nation_withdrawn", w.nation_withdrawn);
  rd::save_seq(ar, "link_condition", w.link_condition);
  rd::save_seq(ar, "decisions", w.decisions);
  ar(make_nvp("next_decision_id", w.next_decision_id));
  ar(make_nvp("measures", w.measures));
}
inline void load(InArchive& ar, rsim::World& w, std::uint32_t v) {
  rd::check_version<rsim::World>(ar, v, "World");
  ar(w.regime, w.us_support);
  const rsim::SimTime now = rd::load_time(ar);
  std::uint64_t next_seq = 0, executed = 0;
  ar(next_seq, executed);
  std::vector<PendingEvent> pending;
  const std::uint64_t pending_at = rd::offset_of(ar);
  rd::load_seq(ar, pending, rd::kMaxElements, "pending events");
  try {
    w.loop.restore(now, next_seq, executed, pending);
  } catch (const std::exception& e) {
    throw rd::BadField("state", pending_at, e.what());
  }
  rd::load_seq(ar, w.units, rd::kMaxElements, "units");
  rd::load_seq(ar, w.violations, rd::kMaxElements, "violations");
  rd::load_seq(ar, w.free_violation_slots, rd::kMaxElements, "free violation slots");
  ar(w.next_violation_serial);
  rd::load_seq(ar, w.threats, rd::kMaxElements, "threats");
  rd::load_seq(ar, w.nation_withdrawn, rd::kMaxElements, "nation_withdrawn");
  rd::load_seq(ar, w.link_condition, rd::kMaxElements, "link_condition");
  rd::load_seq(ar, w.decisions, rd::kMaxElements, "decisions");
  ar(w.next_decision_id);
  ar(w.measures);
}

// ---- The save ----
template <class A>
void save(A& ar, const rsim::Inject& in, std::uint32_t) {
  ar(make_nvp("at_ms", in.at.count_ms()), make_nvp("kind", in.kind), make_nvp("regime", in.regime),
     make_nvp("us", in.us), make_nvp("nation", in.nation), make_nvp("region", in.region),
     make_nvp("region_b", in.region_b), make_nvp("count", in.count),
     make_nvp("decision", in.decision), make_nvp("option", in.option), make_nvp("note", in.note));
}
inline void load(InArchive& ar, rsim::Inject& in, std::uint32_t v) {
  rd::check_version<rsim::Inject>(ar, v, "Inject");
  std::int64_t at = 0;
  ar(at, in.kind, in.regime, in.us, in.nation, in.region, in.region_b, in.count, in.decision,
     in.option);
  in.at = rsim::Duration::ms(at);
  rd::load_string(ar, in.note, "inject note");
}

template <class A>
void save(A& ar, const rs::Command& c, std::uint32_t) {
  rd::save_time(ar, "at", c.at);
  ar(make_nvp("inject", c.inject));
}
inline void load(InArchive& ar, rs::Command& c, std::uint32_t v) {
  rd::check_version<rs::Command>(ar, v, "Command");
  c.at = rd::load_time(ar);
  ar(c.inject);
}

// A stream's position: its name and the words drawn.
template <class A>
void save(A& ar, const std::pair<std::string, std::uint64_t>& s) {
  ar(make_nvp("name", s.first), make_nvp("draws", s.second));
}
inline void load(InArchive& ar, std::pair<std::string, std::uint64_t>& s) {
  rd::load_string(ar, s.first, "stream name");
  ar(s.second);
}

template <class A>
void save(A& ar, const rs::Snapshot& s, std::uint32_t) {
  ar(make_nvp("world", s.world));
  rd::save_seq(ar, "streams", s.streams);
}
inline void load(InArchive& ar, rs::Snapshot& s, std::uint32_t v) {
  rd::check_version<rs::Snapshot>(ar, v, "Snapshot");
  ar(s.world);
  rd::load_seq(ar, s.streams, rd::kMaxElements, "streams");
}

template <class A>
void save(A& ar, const rs::PartHashes& p, std::uint32_t) {
  ar(make_nvp("loop", p.loop), make_nvp("units", p.units), make_nvp("violations", p.violations),
     make_nvp("threats", p.threats), make_nvp("streams", p.streams),
     make_nvp("measures", p.measures), make_nvp("theatre", p.theatre));
}
inline void load(InArchive& ar, rs::PartHashes& p, std::uint32_t v) {
  rd::check_version<rs::PartHashes>(ar, v, "PartHashes");
  ar(p.loop, p.units, p.violations, p.threats, p.streams, p.measures, p.theatre);
}

template <class A>
void save(A& ar, const rs::Keyframe& k, std::uint32_t) {
  rd::save_time(ar, "at", k.at);
  ar(make_nvp("executed", k.executed), make_nvp("commands", k.commands), make_nvp("hash", k.hash),
     make_nvp("parts", k.parts), make_nvp("state", k.state));
}
inline void load(InArchive& ar, rs::Keyframe& k, std::uint32_t v) {
  rd::check_version<rs::Keyframe>(ar, v, "Keyframe");
  k.at = rd::load_time(ar);
  ar(k.executed, k.commands, k.hash, k.parts, k.state);
}

template <class A>
void save(A& ar, const rsim::TraceRecord& r, std::uint32_t) {
  rd::save_time(ar, "time", r.time);
  ar(make_nvp("kind", r.kind), make_nvp("violation", r.violation), make_nvp("region", r.region),
     make_nvp("unit", r.unit), make_nvp("detail", r.detail));
}
inline void load(InArchive& ar, rsim::TraceRecord& r, std::uint32_t v) {
  rd::check_version<rsim::TraceRecord>(ar, v, "TraceRecord");
  r.time = rd::load_time(ar);
  ar(r.kind, r.violation, r.region, r.unit);
  rd::load_string(ar, r.detail, "trace detail");
}

template <class A>
void save(A& ar, const rs::TraceEntry& t, std::uint32_t) {
  ar(make_nvp("executed", t.executed), make_nvp("commands", t.commands),
     make_nvp("record", t.record));
}
inline void load(InArchive& ar, rs::TraceEntry& t, std::uint32_t v) {
  rd::check_version<rs::TraceEntry>(ar, v, "TraceEntry");
  ar(t.executed, t.commands, t.record);
}

template <class A>
void save(A& ar, const rs::SaveMeta& m, std::uint32_t) {
  ar(make_nvp("title", m.title), make_nvp("created", m.created),
     make_nvp("rfsim_version", m.rfsim_version), make_nvp("parent", m.parent),
     make_nvp("parent_hash", m.parent_hash), make_nvp("forked_at_ms", m.forked_at_ms));
}
inline void load(InArchive& ar, rs::SaveMeta& m, std::uint32_t v) {
  rd::check_version<rs::SaveMeta>(ar, v, "SaveMeta");
  rd::load_string(ar, m.title, "title");
  rd::load_string(ar, m.created, "created");
  rd::load_string(ar, m.rfsim_version, "rfsim_version");
  rd::load_string(ar, m.parent, "parent");
  ar(m.parent_hash, m.forked_at_ms);
}

template <class A>
void save(A& ar, const rs::Save& s, std::uint32_t) {
  ar(make_nvp("meta", s.meta), make_nvp("scenario_name", s.scenario_name),
     make_nvp("scenario_text", s.scenario_text), make_nvp("seed", s.seed),
     make_nvp("keyframe_every_ms", s.keyframe_every_ms),
     make_nvp("theatre_fingerprint", s.theatre_fingerprint));
  rd::save_seq(ar, "commands", s.commands);
  rd::save_seq(ar, "keyframes", s.keyframes);
  ar(make_nvp("end", s.end), make_nvp("has_trace", s.has_trace));
  rd::save_seq(ar, "trace", s.trace);
}
inline void load(InArchive& ar, rs::Save& s, std::uint32_t v) {
  rd::check_version<rs::Save>(ar, v, "Save");
  ar(s.meta);
  rd::load_string(ar, s.scenario_name, "scenario_name");
  rd::load_string(ar, s.scenario_text, "scenario_text");
  ar(s.seed, s.keyframe_every_ms, s.theatre_fingerprint);
  rd::load_seq(ar, s.commands, rd::kMaxElements, "commands");
  rd::load_seq(ar, s.keyframes, rd::kMaxElements, "keyframes");
  ar(s.end, s.has_trace);
  rd::load_seq(ar, s.trace, 1u << 28, "trace");
}

}  // namespace cereal
