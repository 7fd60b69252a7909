// Save files on disk: written atomically (temporary file in the same folder, fsync, rename),
// read with every check before anything is trusted (magic, version, lengths, checksum,
// then bounded parsing).
//   write_save("game.rfsave", save);  Save back = read_save("game.rfsave");
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "saves/format.hpp"
#include "saves/save.hpp"

namespace rfsim::saves {

/// The whole file's bytes for `save`: header, then the payload (zstd-compressed if it pays).
std::string encode_save(const Save& save);

/// Writes `save` to `path` atomically (io::write_atomically): a crash or kill at any moment
/// leaves the old file or the new one. Throws io::WriteError naming the file.
void write_save(const std::filesystem::path& path, const Save& save);

/// Checks the envelope of a file's bytes (magic, version, flags, lengths, checksum) and
/// returns its header. Throws SaveError naming the check and the byte offset.
Header check_envelope(std::string_view file_bytes, const std::string& file);

/// Checks and parses a whole file's bytes. Throws SaveError.
Save decode_save(std::string_view file_bytes, const std::string& file);

/// Checks the notes of a save read from `file` (bounds, time order, within the game; their
/// regions when `regions` is not 0) and throws SaveError ("notes") naming the note, its field
/// and its byte offset in the payload (notes.cpp).
void check_notes(const Save& s, std::size_t regions, const std::string& file);

/// Reads the file at `path` (decode_save of its bytes). Throws SaveError.
Save read_save(const std::filesystem::path& path);

/// Reads only as much as the envelope checks need, for `rfsim save-info`. Throws SaveError.
Header read_header(const std::filesystem::path& path);

}  // namespace rfsim::saves
