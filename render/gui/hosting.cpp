// The window's Session as the hosted game's one door: a seat's order goes where a click on
// the window's panels goes.
#include "render/gui/hosting.hpp"

#include <algorithm>

#include "render/gui/panels.hpp"

namespace rfsim::render::gui {

std::string SessionDoor::command(const sim::Inject& in) {
  session_.hold();  // every event at this instant first, as a replay would
  if (std::string why = session_.run().check(in); !why.empty()) return why;
  session_.inject(in);
  return {};
}

bool SessionDoor::paused() const {
  return !ui_.playing;
}

void SessionDoor::set_paused(bool paused) {
  ui_.playing = !paused;
  if (paused) session_.hold();
}

double SessionDoor::speed() const {
  return ui_.speed;
}

void SessionDoor::set_speed(double speed) {
  ui_.speed = static_cast<float>(std::clamp(speed, 1.0, 10000.0));
}

}  // namespace rfsim::render::gui
