// The facilitator's window hosting a multi-seat game (`rfsim host`): the host, and the door
// through which both the seats' orders and the window's reach the window's Session, so that
// they are ordered, logged and shown the same way.
#pragma once

#include <iosfwd>
#include <memory>

#include "play/game_door.hpp"
#include "play/host.hpp"
#include "render/gui/session.hpp"

namespace rfsim::render::gui {

struct UiState;

/// The window's game as a play::GameDoor: commands through Session::inject, the clock and the
/// pause are the window's own (UiState::playing, UiState::speed).
class SessionDoor final : public play::GameDoor {
 public:
  SessionDoor(Session& session, UiState& ui) : session_(session), ui_(ui) {}

  const sim::Simulation& run() const override { return session_.run(); }
  const saves::Recording& recording() const override { return session_.recording(); }
  std::string command(const sim::Inject& in) override;
  void seek(sim::SimTime t) override { session_.jump_to(t); }
  void add_note(saves::Note n) override { session_.add_note(std::move(n)); }
  const std::vector<sim::TraceRecord>& log() const override { return session_.log(); }
  std::uint64_t log_generation() const override { return session_.log_generation(); }
  const play::SensorBook& sensors() const override { return session_.sensors(); }
  bool paused() const override;
  void set_paused(bool paused) override;
  double speed() const override;
  void set_speed(double speed) override;

 private:
  Session& session_;
  UiState& ui_;
};

/// The host and its door, made together and torn down together.
struct Hosting {
  Hosting(Session& session, UiState& ui, const play::HostOptions& options, std::ostream& console)
      : door(session, ui), host(door, options, console) {}
  SessionDoor door;
  play::Host host;
};

}  // namespace rfsim::render::gui
