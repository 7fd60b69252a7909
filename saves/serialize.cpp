// The cereal archives behind serialize.hpp, and the part hashes of a snapshot.
#include "saves/serialize.hpp"

#include <xxhash.h>

#include <sstream>

#include "saves/detail/cereal_types.hpp"
#include "saves/save_error.hpp"

namespace rfsim::saves {

namespace {

/// An output stream buffer that only hashes what is written to it.
class HashBuf : public std::streambuf {
 public:
  HashBuf() : state_(XXH64_createState()) { XXH64_reset(state_, 0); }
  ~HashBuf() override { XXH64_freeState(state_); }
  HashBuf(const HashBuf&) = delete;
  HashBuf& operator=(const HashBuf&) = delete;
  std::uint64_t digest() const { return XXH64_digest(state_); }

 protected:
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    XXH64_update(state_, s, static_cast<std::size_t>(n));
    return n;
  }
  int_type overflow(int_type c) override {
    if (c != traits_type::eof()) {
      const char ch = traits_type::to_char_type(c);
      XXH64_update(state_, &ch, 1);
    }
    return traits_type::not_eof(c);
  }

 private:
  XXH64_state_t* state_;
};

template <class... T>
std::uint64_t hash_of(const T&... parts) {
  HashBuf buf;
  std::ostream os(&buf);
  {
    cereal::PortableBinaryOutputArchive ar(os);
    ar(parts...);
  }
  return buf.digest();
}

}  // namespace

template <class T>
std::string to_binary(const T& value) {
  std::ostringstream os(std::ios::binary);
  {
    cereal::PortableBinaryOutputArchive ar(os);
    ar(value);
  }
  return std::move(os).str();
}

template <class T>
T from_binary(std::string_view bytes, const std::string& file) {
  detail::MemoryBuf buf(bytes.data(), bytes.size());
  std::istream is(&buf);
  const detail::LoadContext context(buf);
  T value{};
  try {
    detail::InArchive ar(is);
    ar(value);
  } catch (const detail::BadField& e) {
    throw SaveError(file, e.check, e.offset, std::string(e.what()) + " (payload offset)");
  } catch (const cereal::Exception& e) {
    throw SaveError(file, "payload", buf.position(),
                    std::string("cannot parse (payload offset): ") + e.what());
  } catch (const std::invalid_argument& e) {
    throw SaveError(file, "value", buf.position(), std::string(e.what()) + " (payload offset)");
  } catch (const std::length_error& e) {
    throw SaveError(file, "size", buf.position(), std::string(e.what()) + " (payload offset)");
  }
  if (buf.remaining() != 0) {
    throw SaveError(file, "payload", buf.position(),
                    std::to_string(buf.remaining()) + " bytes left over after the save's end");
  }
  return value;
}

template <class T>
std::string to_json(const T& value) {
  std::ostringstream os;
  {
    cereal::JSONOutputArchive ar(os);
    ar(cereal::make_nvp("save", value));
  }
  return std::move(os).str() + "\n";
}

PartHashes part_hashes(const Snapshot& s) {
  const sim::World& w = s.world;
  PartHashes p;
  p.loop = hash_of(w.loop.now().ms(), w.loop.next_seq(), w.loop.executed(),
                   detail::SeqOut<detail::PendingEvent>{w.loop.pending_in_order()});
  p.units = hash_of(detail::SeqOut<sim::Unit>{w.units});
  p.violations =
      hash_of(detail::SeqOut<sim::Violation>{w.violations},
              detail::SeqOut<std::uint32_t>{w.free_violation_slots}, w.next_violation_serial);
  p.threats = hash_of(detail::SeqOut<sim::Threat>{w.threats});
  p.streams = hash_of(detail::SeqOut<std::pair<std::string, std::uint64_t>>{s.streams});
  p.measures = hash_of(w.measures);
  p.theatre = hash_of(w.regime, w.us_support, detail::SeqOut<bool>{w.nation_withdrawn},
                      detail::SeqOut<double>{w.link_condition},
                      detail::SeqOut<sim::Decision>{w.decisions}, w.next_decision_id);
  return p;
}

#define RFSIM_SAVES_INSTANTIATE(T)                                 \
  template std::string to_binary<T>(const T&);                     \
  template T from_binary<T>(std::string_view, const std::string&); \
  template std::string to_json<T>(const T&);

RFSIM_SAVES_INSTANTIATE(sim::Inject)
RFSIM_SAVES_INSTANTIATE(sim::Event)
RFSIM_SAVES_INSTANTIATE(sim::Unit)
RFSIM_SAVES_INSTANTIATE(sim::Violation)
RFSIM_SAVES_INSTANTIATE(sim::Threat)
RFSIM_SAVES_INSTANTIATE(sim::MinuteHistogram)
RFSIM_SAVES_INSTANTIATE(sim::DayRow)
RFSIM_SAVES_INSTANTIATE(sim::Measures)
RFSIM_SAVES_INSTANTIATE(sim::Decision)
RFSIM_SAVES_INSTANTIATE(sim::World)
RFSIM_SAVES_INSTANTIATE(sim::TraceRecord)
RFSIM_SAVES_INSTANTIATE(Command)
RFSIM_SAVES_INSTANTIATE(Snapshot)
RFSIM_SAVES_INSTANTIATE(PartHashes)
RFSIM_SAVES_INSTANTIATE(Keyframe)
RFSIM_SAVES_INSTANTIATE(TraceEntry)
RFSIM_SAVES_INSTANTIATE(SaveMeta)
RFSIM_SAVES_INSTANTIATE(Save)

#undef RFSIM_SAVES_INSTANTIATE

}  // namespace rfsim::saves
