// The batch's view of MPI: how many ranks share the runs and which this one is, and the
// gathering of every rank's rows on rank 0. A plain run (no mpirun) never starts MPI.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

namespace rfsim::app::batch {

///   MpiWorld mpi = MpiWorld::join_if_launched();   // size 1 without mpirun
///   auto all = mpi.gather(my_bytes);                // on rank 0: every rank's, by rank
class MpiWorld {
 public:
  /// Starts MPI when the environment says an MPI launcher started this process
  /// (OMPI_COMM_WORLD_SIZE from Open MPI's mpirun, PMI_SIZE from Slurm/Hydra); otherwise a
  /// world of one rank that never calls MPI at all.
  static MpiWorld join_if_launched();
  ~MpiWorld();  // MPI_Finalize
  MpiWorld(MpiWorld&&) noexcept;
  MpiWorld& operator=(MpiWorld&&) = delete;
  MpiWorld(const MpiWorld&) = delete;

  int rank() const { return rank_; }
  int size() const { return size_; }
  bool root() const { return rank_ == 0; }
  /// Ranks on this node (to share its cores), 1 without MPI.
  int local_size() const { return local_size_; }

  /// True on every rank when `ok` is true on every rank (so that all stop together).
  bool all(bool ok) const;
  /// Every rank's bytes concatenated in rank order, on rank 0; empty elsewhere.
  std::vector<std::byte> gather(const std::vector<std::byte>& mine) const;
  /// Stops every rank at once after a failure on one (MPI_Abort).
  [[noreturn]] void abort(int code) const;

 private:
  MpiWorld() = default;
  bool started_ = false;
  int rank_ = 0;
  int size_ = 1;
  int local_size_ = 1;
};

}  // namespace rfsim::app::batch
