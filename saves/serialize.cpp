// The cereal archives behind serialize.hpp, driven by the field lists (detail/codec.hpp).
#include "saves/serialize.hpp"

#include <sstream>

#include "saves/detail/codec.hpp"
#include "saves/save_error.hpp"
#include "sim/state_hash.hpp"

namespace rfsim::saves {

template <class T>
std::string to_binary(const T& value) {
  std::ostringstream os(std::ios::binary);
  {
    cereal::PortableBinaryOutputArchive ar(os);
    detail::BinaryWriter(ar).write(value);
  }
  return std::move(os).str();
}

template <class T>
T from_binary(std::string_view bytes, const std::string& file, std::uint32_t layout,
              std::uint32_t format) {
  detail::MemoryBuf buf(bytes.data(), bytes.size());
  std::istream is(&buf);
  T value{};
  try {
    detail::BinaryReader::InArchive ar(is);
    detail::BinaryReader(ar, buf, layout, format).read(value);
  } catch (const detail::BadField& e) {
    throw SaveError(file, e.check, e.offset, std::string(e.what()) + " (payload offset)");
  } catch (const cereal::Exception& e) {
    throw SaveError(file, "payload", buf.position(),
                    std::string("cannot parse (payload offset): ") + e.what());
  } catch (const std::bad_alloc&) {
    throw SaveError(file, "memory", buf.position(),
                    "out of memory while decoding (payload offset)");
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
    detail::JsonWriter w(ar);
    w("save", value);
  }
  return std::move(os).str() + "\n";
}

std::vector<sim::StatePart> part_hashes(const Snapshot& s) {
  return sim::state_parts(s.world, s.streams);
}

#define RFSIM_SAVES_INSTANTIATE(T)                                                               \
  template std::string to_binary<T>(const T&);                                                   \
  template T from_binary<T>(std::string_view, const std::string&, std::uint32_t, std::uint32_t); \
  template std::string to_json<T>(const T&);

RFSIM_SAVES_INSTANTIATE(sim::Inject)
RFSIM_SAVES_INSTANTIATE(sim::Event)
RFSIM_SAVES_INSTANTIATE(sim::Command)
RFSIM_SAVES_INSTANTIATE(sim::Unit)
RFSIM_SAVES_INSTANTIATE(sim::Violation)
RFSIM_SAVES_INSTANTIATE(sim::Threat)
RFSIM_SAVES_INSTANTIATE(sim::MinuteHistogram)
RFSIM_SAVES_INSTANTIATE(sim::DayRow)
RFSIM_SAVES_INSTANTIATE(sim::Measures)
RFSIM_SAVES_INSTANTIATE(sim::Decision)
RFSIM_SAVES_INSTANTIATE(sim::World)
RFSIM_SAVES_INSTANTIATE(sim::TraceRecord)
RFSIM_SAVES_INSTANTIATE(Snapshot)
RFSIM_SAVES_INSTANTIATE(Keyframe)
RFSIM_SAVES_INSTANTIATE(TraceEntry)
RFSIM_SAVES_INSTANTIATE(SaveMeta)
RFSIM_SAVES_INSTANTIATE(Save)
RFSIM_SAVES_INSTANTIATE(Note)

#undef RFSIM_SAVES_INSTANTIATE

}  // namespace rfsim::saves
