// The command line's output files over io::AtomicFile, and their errors as exit codes.
#include "app/output_file.hpp"

#include "app/errors.hpp"

namespace rfsim::app {

void throw_as_app_error(const io::WriteError& e) {
  if (e.kind() == io::WriteError::Kind::Failed) throw RunError(e.what());
  throw InputError(e.what());
}

namespace {

io::AtomicFile open(std::filesystem::path target) {
  try {
    return io::AtomicFile(std::move(target));
  } catch (const io::WriteError& e) {
    throw_as_app_error(e);
  }
}

}  // namespace

OutputFile::OutputFile(std::filesystem::path target) : file_(open(std::move(target))) {}

void OutputFile::write(std::string_view bytes) {
  try {
    file_.write(bytes);
  } catch (const io::WriteError& e) {
    throw_as_app_error(e);
  }
}

void OutputFile::commit() {
  try {
    file_.commit();
  } catch (const io::WriteError& e) {
    throw_as_app_error(e);
  }
}

void write_file_atomically(const std::filesystem::path& path, std::string_view bytes) {
  OutputFile out(path);
  out.write(bytes);
  out.commit();
}

}  // namespace rfsim::app
