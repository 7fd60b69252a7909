// Writes the packet fuzzer's seeds (fuzz/corpus/packet/): one frame of each message of today's
// protocol, from a real run of no-ceasefire.toml with every decision asked, its lists cut short
// so that the fuzzer's mutations reach every field. Each seed is decoded back before it is
// written, so a seed the decoder would refuse is never kept. Rerun it when the protocol changes:
//   make_packet_corpus fuzz/corpus/packet
#include <algorithm>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "map/theatre.hpp"
#include "play/picture.hpp"
#include "play/picture_delta.hpp"
#include "play/protocol.hpp"
#include "sim/scenario_loader.hpp"
#include "sim/simulation.hpp"

namespace {

using namespace rfsim;

/// A picture's lists cut to a few items each: big enough to hold one of everything.
play::Picture cut(play::Picture p) {
  const auto keep = [](auto& v, std::size_t n) { v.resize(std::min(v.size(), n)); };
  keep(p.units, 4);
  keep(p.violations, 3);
  keep(p.sectors, 3);
  keep(p.decisions, 2);
  return p;
}

void write(const std::filesystem::path& dir, const std::string& name,
           const std::vector<play::Message>& messages, const play::DecodeLimits& limits) {
  std::string bytes;
  for (const play::Message& m : messages) {
    const std::string frame = play::encode_frame(m);
    play::decode_payload(frame.data() + 4, frame.size() - 4, limits);  // throws if refused
    bytes += frame;
  }
  std::ofstream out(dir / name, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error((dir / name).string() + ": cannot write it");
  std::printf("wrote %s (%zu bytes)\n", (dir / name).c_str(), bytes.size());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: make_packet_corpus DIR\n");
    return 2;
  }
  try {
    const std::filesystem::path dir = argv[1];
    std::filesystem::create_directories(dir);
    const map::Theatre theatre = map::Theatre::load(RFSIM_ASSETS_DIR);
    const play::DecodeLimits limits{theatre.region_count(), theatre.link_count()};
    sim::Scenario scenario =
        sim::load_scenario(std::string(RFSIM_ASSETS_DIR) + "/scenarios/no-ceasefire.toml", theatre);
    scenario.decisions = sim::DecisionMode::Ask;
    sim::Simulation run(std::move(scenario), theatre);
    run.run_until(sim::SimTime::at(sim::Duration::hours(6)));

    play::Hello hello{"K7Q2ZX", play::Role::Blue, "UK"};
    write(dir, "hello", {hello}, limits);

    play::Welcome welcome;
    welcome.role = play::Role::Blue;
    welcome.sees = play::Cell::Blue;
    welcome.nation = "UK";
    welcome.scenario = run.scenario().name;
    welcome.theatre = 0x1234'5678'9abc'def0;
    welcome.theatre_name = play::theatre_name(theatre.region_count(), theatre.link_count());
    welcome.nations = {"UK", "FR", "DE"};
    welcome.may_note = true;
    write(dir, "welcome", {welcome}, limits);

    const play::Picture blue = cut(play::picture_of(run, play::Cell::Blue));
    write(dir, "picture-blue", {play::PictureMessage{blue, false, 3600}}, limits);
    write(dir, "picture-red",
          {play::PictureMessage{cut(play::picture_of(run, play::Cell::Red)), true, 1}}, limits);
    write(dir, "picture-white",
          {play::PictureMessage{cut(play::picture_of(run, play::Cell::White)), false, 60}}, limits);

    // The same cell an hour later, as the change a seat is sent between whole pictures.
    run.run_until(sim::SimTime::at(sim::Duration::hours(7)));
    const play::Picture later = cut(play::picture_of(run, play::Cell::Blue));
    if (const auto delta = play::delta_between(blue, later)) {
      write(dir, "picture-change", {play::PictureChange{*delta, false, 3600}}, limits);
    } else {
      throw std::runtime_error("no change between 6 h and 7 h: pick other times");
    }

    play::LogLines log;
    log.restart = true;
    log.lines = {{sim::SimTime::at(sim::Duration::minutes(75)), sim::TraceKind::Violation,
                  "artillery in Pokrovsk sector"},
                 {sim::SimTime::at(sim::Duration::minutes(90)), sim::TraceKind::Dispatched,
                  "uk-qrf to Pokrovsk sector"}};
    write(dir, "log", {log}, limits);

    // A seat's orders, one of each, in one stream.
    std::vector<play::Message> orders;
    play::SeatCommand c;
    c.order = play::Order::Answer;
    c.decision = 3;
    c.option = 1;
    orders.push_back(c);
    c = {};
    c.order = play::Order::Pause;
    orders.push_back(c);
    c = {};
    c.order = play::Order::Speed;
    c.speed = 3600;
    orders.push_back(c);
    c = {};
    c.order = play::Order::Seek;
    c.seek_to = sim::SimTime::at(sim::Duration::hours(3));
    orders.push_back(c);
    c = {};
    c.order = play::Order::Inject;
    c.inject.kind = sim::InjectKind::ScheduleMsel;
    c.inject.line_kind = sim::InjectKind::Provocation;
    c.inject.at = sim::Duration::days(2);
    c.inject.region = theatre.require("sector_pokrovsk");
    c.inject.count = 5;
    c.inject.note = "staged";
    orders.push_back(c);
    c = {};
    c.order = play::Order::Inject;
    c.inject.kind = sim::InjectKind::CancelMsel;
    c.inject.line = 1;
    orders.push_back(c);
    c = {};
    c.order = play::Order::Inject;
    c.inject.kind = sim::InjectKind::Surge;
    c.inject.any_nation = false;
    c.inject.nation = 1;
    c.inject.tier = sim::Readiness::Vjtf;
    orders.push_back(c);
    write(dir, "commands", orders, limits);

    play::SeatNote note;
    note.title = "Pokrovsk";
    note.text = "debrief the answer";
    note.place = 2;
    note.region = theatre.require("sector_pokrovsk");
    write(dir, "note", {note}, limits);

    write(dir, "refusal", {play::Refusal{"a wrong join code"}}, limits);
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "make_packet_corpus: %s\n", e.what());
    return 1;
  }
}
