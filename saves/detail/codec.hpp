// Private to saves/: the field lists (sim/state_fields.hpp, saves/save.hpp) as cereal portable
// binary and JSON. The writer writes the current layout. The reader reads every layout since
// the first, and trusts nothing: each list's length is checked against a limit and the bytes
// left, every allocation is charged to a budget stated up front, bools and enums are checked
// before they are stored, and an index saved under an older layout is mapped to today's.
#pragma once

#include <cereal/archives/json.hpp>
#include <cereal/archives/portable_binary.hpp>
#include <cereal/cereal.hpp>

#include <cstdint>
#include <limits>
#include <stdexcept>
#include <streambuf>
#include <string>
#include <typeindex>
#include <unordered_set>
#include <utility>
#include <variant>
#include <vector>

#include "saves/save.hpp"
#include "sim/state_visit.hpp"

namespace rfsim::saves::detail {

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

/// A size or value in the payload that no honest save holds.
class BadField : public std::runtime_error {
 public:
  BadField(std::string check, std::uint64_t offset, const std::string& detail)
      : std::runtime_error(detail), check(std::move(check)), offset(offset) {}
  std::string check;     // "size", "version", "value", "memory", "state"
  std::uint64_t offset;  // in the payload
};

// Fixed limits, far above any real game, far below a memory problem.
inline constexpr std::uint64_t kMaxString = 16u << 20;   // scenario text, notes
inline constexpr std::uint64_t kMaxElements = 1u << 26;  // any one list

/// Memory a load may allocate: this much, plus kBudgetPerPayloadByte for each byte of the
/// decompressed payload (docs/save-format.md states it).
inline constexpr std::uint64_t kBudgetBase = 64u << 20;
inline constexpr std::uint64_t kBudgetPerPayloadByte = 4;

/// Types that carried a class version word (before their first occurrence) in layout 1,
/// when cereal's own versioning wrote the payload.
template <class T>
inline constexpr bool kVersionedInLayout1 =
    !std::is_same_v<T, sim::StreamPosition> && !std::is_same_v<T, sim::StatePart>;

// ------------------------------------------------------------------------------- writing

/// Writes the current layout: fields in list order, lists as a length and their elements,
/// sparse lists as (index, value) pairs, the event variant as its index and its alternative.
class BinaryWriter {
 public:
  explicit BinaryWriter(cereal::PortableBinaryOutputArchive& ar) : ar_(ar) {}

  template <class T, class... Tags>
  void operator()(const char*, const T& x, const Tags&... tags) {
    write(x, tags...);
  }
  template <class Old, class... Tags>
  void removed(const char*, const Tags&...) {}  // gone from today's layout

  template <class T, class... Tags>
  void write(const T& x, [[maybe_unused]] const Tags&... tags) {
    using namespace sim::visit;
    if constexpr (Scalar<T>) {
      ar_(x);
    } else if constexpr (Time<T>) {
      ar_(ms_of(x));
    } else if constexpr (std::is_same_v<T, std::string>) {
      ar_(cereal::make_size_tag(static_cast<cereal::size_type>(x.size())));
      ar_(cereal::binary_data(x.data(), x.size()));
    } else if constexpr (is_vector<T>) {
      using E = typename T::value_type;
      if constexpr (has_tag<sim::tag::Sparse, Tags...>) {
        cereal::size_type nonzero = 0;
        for (const E& e : x) nonzero += e != E{} ? 1 : 0;
        ar_(cereal::make_size_tag(nonzero));
        for (std::size_t i = 0; i < x.size(); ++i) {
          if (x[i] != E{}) ar_(static_cast<std::uint32_t>(i), x[i]);
        }
      } else {
        ar_(cereal::make_size_tag(static_cast<cereal::size_type>(x.size())));
        for (std::size_t i = 0; i < x.size(); ++i) write(static_cast<const E&>(x[i]));
      }
    } else if constexpr (is_array<T>) {
      for (const auto& e : x) write(e);
    } else if constexpr (is_variant<T>) {
      ar_(static_cast<std::int32_t>(x.index()));
      std::visit([&](const auto& alt) { write(alt); }, x);
    } else if constexpr (std::is_same_v<T, Loop>) {
      ar_(x.now().ms(), x.next_seq(), x.executed());
      const auto pending = x.pending_in_order();
      ar_(cereal::make_size_tag(static_cast<cereal::size_type>(pending.size())));
      for (const auto& p : pending) {
        ar_(p.time.ms());
        write(p.id);
        write(p.event);
      }
    } else {
      fields(*this, x);
    }
  }

 private:
  cereal::PortableBinaryOutputArchive& ar_;
};

/// The same lists as named JSON, for people and scripts (export-json); never read back.
class JsonWriter {
 public:
  explicit JsonWriter(cereal::JSONOutputArchive& ar) : ar_(ar) {}

  template <class T, class... Tags>
  void operator()(const char* name, const T& x, const Tags&... tags) {
    ar_.setNextName(name);
    write(x, tags...);
  }
  template <class Old, class... Tags>
  void removed(const char*, const Tags&...) {}

  template <class T, class... Tags>
  void write(const T& x, [[maybe_unused]] const Tags&... tags) {
    using namespace sim::visit;
    if constexpr (std::is_enum_v<T>) {
      ar_(static_cast<std::int64_t>(x));
    } else if constexpr (Scalar<T>) {
      ar_(x);
    } else if constexpr (Time<T>) {
      ar_(ms_of(x));
    } else if constexpr (std::is_same_v<T, std::string>) {
      ar_(x);
    } else if constexpr (is_vector<T> || is_array<T>) {
      using E = typename T::value_type;
      ar_.startNode();
      ar_.makeArray();
      for (std::size_t i = 0; i < x.size(); ++i) {
        if constexpr (has_tag<sim::tag::Sparse, Tags...>) {
          if (x[i] == E{}) continue;
          ar_.startNode();
          ar_(cereal::make_nvp("index", static_cast<std::uint64_t>(i)));
          ar_.setNextName("value");
          write(static_cast<const E&>(x[i]));
          ar_.finishNode();
        } else {
          write(static_cast<const E&>(x[i]));
        }
      }
      ar_.finishNode();
    } else if constexpr (is_variant<T>) {
      ar_.startNode();
      ar_(cereal::make_nvp("index", static_cast<std::int32_t>(x.index())));
      ar_.setNextName("data");
      std::visit([&](const auto& alt) { write(alt); }, x);
      ar_.finishNode();
    } else if constexpr (std::is_same_v<T, Loop>) {
      ar_.startNode();
      ar_(cereal::make_nvp("now", x.now().ms()), cereal::make_nvp("next_seq", x.next_seq()),
          cereal::make_nvp("executed", x.executed()));
      ar_.setNextName("pending");
      ar_.startNode();
      ar_.makeArray();
      for (const auto& p : x.pending_in_order()) {
        ar_.startNode();
        ar_(cereal::make_nvp("time", p.time.ms()));
        (*this)("id", p.id);
        (*this)("event", p.event);
        ar_.finishNode();
      }
      ar_.finishNode();
      ar_.finishNode();
    } else {
      ar_.startNode();
      fields(*this, x);
      ar_.finishNode();
    }
  }

 private:
  cereal::JSONOutputArchive& ar_;
};

// ------------------------------------------------------------------------------- reading

/// Reads any layout from 1 to sim::kStateVersion into the field lists.
class BinaryReader {
 public:
  using InArchive = cereal::PortableBinaryInputArchive;

  /// `layout`: the state layout the save was written with; `payload` the bytes it decodes.
  /// `format`: the file's format version, for sections tagged FormatSince.
  BinaryReader(InArchive& ar, const MemoryBuf& buf, std::uint32_t layout,
               std::uint32_t format = kCurrentFormatNumber)
      : ar_(ar),
        buf_(buf),
        layout_(layout),
        format_(format),
        budget_(kBudgetBase + kBudgetPerPayloadByte * buf.remaining()) {}

  template <class T, class... Tags>
  void operator()(const char* name, T& x, const Tags&... tags) {
    if (layout_ < sim::visit::since(tags...)) return;  // not in this save: keeps its default
    if (const FormatSince* f = sim::visit::find_tag<FormatSince>(tags...);
        f != nullptr && format_ < f->version) {
      return;
    }
    const std::size_t mark = enter(name);
    read(x, tags...);
    path_.resize(mark);
  }
  template <class Old, class... Tags>
  void removed(const char* name, const Tags&... tags) {
    const sim::tag::Until* until = sim::visit::find_tag<sim::tag::Until>(tags...);
    if (until != nullptr && layout_ >= until->version) return;
    Old dropped{};
    const std::size_t mark = enter(name);
    read(dropped);
    path_.resize(mark);
  }

  template <class T, class... Tags>
  void read(T& x, const Tags&... tags) {
    using namespace sim::visit;
    if constexpr (std::is_same_v<T, bool>) {
      const std::uint64_t at = offset();
      std::uint8_t byte = 0;
      ar_(byte);
      if (byte > 1) fail("value", at, "a yes/no field holds " + std::to_string(byte));
      x = byte == 1;
    } else if constexpr (std::is_enum_v<T>) {
      const std::uint64_t at = offset();
      std::underlying_type_t<T> raw{};
      ar_(raw);
      if (raw > static_cast<std::underlying_type_t<T>>(sim::kLast<T>)) {
        fail("value", at,
             "a choice holds " + std::to_string(raw) + "; expected 0 to " +
                 std::to_string(static_cast<std::uint64_t>(sim::kLast<T>)));
      }
      x = static_cast<T>(raw);
    } else if constexpr (Scalar<T>) {
      ar_(x);
    } else if constexpr (Time<T>) {
      std::int64_t ms = 0;
      ar_(ms);
      x = time_from_ms<T>(ms);
    } else if constexpr (std::is_same_v<T, std::string>) {
      const std::uint64_t n = read_size(kMaxString, "text");
      charge(n, "text");
      x.resize(n);
      ar_(cereal::binary_data(x.data(), n));
    } else if constexpr (is_vector<T>) {
      using E = typename T::value_type;
      if constexpr (has_tag<sim::tag::Sparse, Tags...>) {
        const sim::tag::Sparse& sparse = *find_tag<sim::tag::Sparse>(tags...);
        const std::uint64_t n = read_size(sparse.size, "sparse list");
        charge(sparse.size * sizeof(E), "list");
        x.assign(sparse.size, E{});
        for (std::uint64_t k = 0; k < n; ++k) {
          const std::uint64_t at = offset();
          std::uint32_t index = 0;
          E value{};
          ar_(index, value);
          const std::size_t slot = sparse.index_of(layout_, index);
          if (slot >= x.size()) {
            fail("value", at,
                 "a sparse list's index " + std::to_string(index) + " is out of range");
          }
          x[slot] += value;
        }
      } else {
        const std::uint64_t n = read_size(kMaxElements, "list");
        charge(n * sizeof(E), "list");
        x.clear();
        x.resize(n);
        for (std::uint64_t i = 0; i < n; ++i) {
          const std::size_t mark = path_.size();
          path_ += "[" + std::to_string(i) + "]";
          if constexpr (std::is_same_v<E, bool>) {
            bool b = false;
            read(b);
            x[i] = b;
          } else {
            read(x[i]);
          }
          path_.resize(mark);
        }
      }
    } else if constexpr (is_array<T>) {
      for (auto& e : x) read(e);
    } else if constexpr (is_variant<T>) {
      const std::uint64_t at = offset();
      std::int32_t index = 0;
      ar_(index);
      if (index < 0 || static_cast<std::size_t>(index) >= std::variant_size_v<T>) {
        fail("value", at,
             "an event of kind " + std::to_string(index) + "; expected 0 to " +
                 std::to_string(std::variant_size_v<T> - 1));
      }
      emplace(x, static_cast<std::size_t>(index),
              std::make_index_sequence<std::variant_size_v<T>>{});
    } else if constexpr (std::is_same_v<T, Loop>) {
      read_loop(x);
    } else {
      if (layout_ == 1 && kVersionedInLayout1<T>) class_version<T>();
      fields(*this, x);
    }
  }

 private:
  std::uint64_t offset() const { return buf_.position(); }

  std::size_t enter(const char* name) {
    const std::size_t mark = path_.size();
    if (!path_.empty()) path_ += '.';
    path_ += name;
    return mark;
  }

  /// The field being read, for messages: "keyframes[3].state.world.units[2].route".
  [[noreturn]] void fail(const char* check, std::uint64_t at, const std::string& what) const {
    throw BadField(check, at, (path_.empty() ? std::string("the save") : path_) + ": " + what);
  }

  /// A list's length, checked before anything is allocated: each element takes a byte at least.
  std::uint64_t read_size(std::uint64_t max, const char* what) {
    const std::uint64_t at = offset();
    cereal::size_type n = 0;
    ar_(cereal::make_size_tag(n));
    const std::uint64_t left = buf_.remaining();
    if (n > max || n > left) {
      fail("size", at,
           std::string("a ") + what + " claims " + std::to_string(n) + " entries, but " +
               (n > max ? "the limit is " + std::to_string(max)
                        : "only " + std::to_string(left) + " bytes are left"));
    }
    return n;
  }

  void charge(std::uint64_t bytes, const char* what) {
    if (bytes > budget_) {
      fail("memory", offset(),
           std::string("decoding a ") + what + " of " + std::to_string(bytes) +
               " bytes would pass the memory a save of this size may use (" +
               std::to_string(kBudgetBase >> 20) + " MiB + " +
               std::to_string(kBudgetPerPayloadByte) + " x the payload)");
    }
    budget_ -= bytes;
  }

  // Layout 1: cereal wrote a class version before a type's first occurrence.
  template <class T>
  void class_version() {
    if (!versioned_.insert(std::type_index(typeid(T))).second) return;
    const std::uint64_t at = offset();
    std::uint32_t version = 0;
    ar_(version);
    if (version != 1) {
      fail("version", at,
           "class version " + std::to_string(version) +
               " in a format-1 save, which has version 1 only");
    }
  }

  template <class V, std::size_t... I>
  void emplace(V& x, std::size_t index, std::index_sequence<I...>) {
    ((index == I ? (read(x.template emplace<I>()), 0) : 0), ...);
  }

  struct PendingV1 {};  // the loop's pending event, a versioned type of its own in layout 1

  void read_loop(sim::visit::Loop& loop) {
    std::int64_t now = 0;
    std::uint64_t next_seq = 0, executed = 0;
    ar_(now, next_seq, executed);
    const std::uint64_t at = offset();
    const std::uint64_t n = read_size(kMaxElements, "pending event list");
    charge(n * sizeof(sim::visit::Loop::Pending), "pending event list");
    std::vector<sim::visit::Loop::Pending> pending(n);
    std::uint64_t slots = 0;
    for (auto& p : pending) {
      if (layout_ == 1) class_version<PendingV1>();
      std::int64_t t = 0;
      ar_(t);
      p.time = sim::SimTime::from_ms(t);
      read(p.id);
      read(p.event);
      slots = std::max<std::uint64_t>(slots, std::uint64_t{p.id.slot} + 1);
    }
    if (slots > sim::visit::Loop::kMaxRestoredSlots) {
      fail("value", at,
           "a pending event names slot " + std::to_string(slots - 1) + "; the limit is " +
               std::to_string(sim::visit::Loop::kMaxRestoredSlots - 1));
    }
    charge(slots * 48, "event slab");
    if (now < 0) fail("value", at, "the clock is before the scenario's start");
    try {
      loop.restore(sim::SimTime::from_ms(now), next_seq, executed, pending);
    } catch (const std::invalid_argument& e) {
      fail("state", at, e.what());
    }
  }

  InArchive& ar_;
  const MemoryBuf& buf_;
  std::uint32_t layout_;
  std::uint32_t format_;
  std::uint64_t budget_;
  std::unordered_set<std::type_index> versioned_;
  std::string path_;
};

}  // namespace rfsim::saves::detail
