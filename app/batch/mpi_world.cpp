// MPI for batches: Open MPI from Debian, started only when a launcher started us.
#include "app/batch/mpi_world.hpp"

#include <mpi.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string>

namespace rfsim::app::batch {
namespace {

int env_int(const char* name, int fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::atoi(v) : fallback;
}

}  // namespace

MpiWorld MpiWorld::join_if_launched() {
  MpiWorld w;
  if (env_int("OMPI_COMM_WORLD_SIZE", 0) < 1 && env_int("PMI_SIZE", 0) < 1) return w;
  // Only the main thread calls MPI; the worker threads never do.
  int provided = 0;
  if (MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided) != MPI_SUCCESS) {
    throw std::runtime_error("MPI_Init_thread failed");
  }
  w.started_ = true;
  MPI_Comm_rank(MPI_COMM_WORLD, &w.rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &w.size_);
  w.local_size_ = std::max(1, env_int("OMPI_COMM_WORLD_LOCAL_SIZE", 1));
  return w;
}

MpiWorld::MpiWorld(MpiWorld&& o) noexcept
    : started_(o.started_), rank_(o.rank_), size_(o.size_), local_size_(o.local_size_) {
  o.started_ = false;
}

MpiWorld::~MpiWorld() {
  if (started_) MPI_Finalize();
}

bool MpiWorld::all(bool ok) const {
  if (!started_) return ok;
  int mine = ok ? 1 : 0, every = 0;
  MPI_Allreduce(&mine, &every, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
  return every == 1;
}

std::vector<std::byte> MpiWorld::gather(const std::vector<std::byte>& mine) const {
  if (!started_) return mine;
  if (mine.size() > static_cast<std::size_t>(INT32_MAX)) {
    throw std::runtime_error("a rank's results exceed 2 GB: split the batch");
  }
  const int n = static_cast<int>(mine.size());
  std::vector<int> sizes(static_cast<std::size_t>(size_)), offsets(sizes.size());
  MPI_Gather(&n, 1, MPI_INT, sizes.data(), 1, MPI_INT, 0, MPI_COMM_WORLD);
  std::vector<std::byte> all;
  if (root()) {
    long long total = 0;
    for (std::size_t r = 0; r < sizes.size(); ++r) {
      offsets[r] = static_cast<int>(total);
      total += sizes[r];
    }
    if (total > INT32_MAX)
      throw std::runtime_error("the gathered results exceed 2 GB: split the batch");
    all.resize(static_cast<std::size_t>(total));
  }
  MPI_Gatherv(mine.data(), n, MPI_BYTE, all.data(), sizes.data(), offsets.data(), MPI_BYTE, 0,
              MPI_COMM_WORLD);
  return all;
}

void MpiWorld::abort(int code) const {
  if (started_) MPI_Abort(MPI_COMM_WORLD, code);
  std::exit(code);
}

}  // namespace rfsim::app::batch
