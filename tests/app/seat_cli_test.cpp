// `rfsim host` and `rfsim join` as processes: a hosted game played by two headless seats and
// saved, and bad options, a wrong code and a broken script refused with exit code 2.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <regex>
#include <thread>

#include "cli_process.hpp"

namespace rfsim::testing {
namespace {

struct Hosted {
  std::string port;
  std::string blue;
  std::string red;
};

// Starts `rfsim host ARGS --port 0` in the background, its console to `out`, and reads the
// port and the codes it prints.
Hosted start_host(const std::filesystem::path& dir, const std::string& args) {
  const auto out = dir / "host.out";
  const std::string cmd = std::string(RFSIM_BINARY) + " host --headless --port 0 " + args + " >" +
                          out.string() + " 2>&1 </dev/null & echo $! >" +
                          (dir / "host.pid").string();
  EXPECT_EQ(std::system(cmd.c_str()), 0);
  Hosted h;
  const std::regex port(R"(listening on port (\d+))");
  const std::regex blue(R"(  blue: (\w+))");
  const std::regex red(R"(  red: (\w+))");
  for (int i = 0; i < 300 && h.red.empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    const std::string text = slurp(out);
    std::smatch m;
    if (std::regex_search(text, m, port)) h.port = m[1];
    if (std::regex_search(text, m, blue)) h.blue = m[1];
    if (std::regex_search(text, m, red)) h.red = m[1];
  }
  return h;
}

// Stops the host and waits until it has gone: it saves the game on leaving, and a test that
// removed its folder meanwhile raced that save (seen as "cannot remove all" under load).
void stop_host(const std::filesystem::path& dir) {
  const std::string pid = "$(cat " + (dir / "host.pid").string() + ")";
  const std::string cmd = "kill " + pid + " 2>/dev/null; for i in $(seq 100); do kill -0 " + pid +
                          " 2>/dev/null || break; sleep 0.1; done";
  (void)std::system(cmd.c_str());
}

TEST(SeatCli, TwoHeadlessSeatsPlayAHostedGameThatIsSaved) {
  const auto dir = scratch("seats");
  const auto save = dir / "game.rfsave";
  const Hosted h = start_host(dir, "--paused --until 6h --save " + save.string());
  ASSERT_FALSE(h.port.empty()) << slurp(dir / "host.out");
  std::ofstream(dir / "blue.txt") << "resume\nplay-until 6h\n";
  std::ofstream(dir / "red.txt") << "# Red answers its steps\nplay-until 6h\n";
  const std::string red_cmd = std::string(RFSIM_BINARY) + " join 127.0.0.1:" + h.port +
                              " --cell red --code " + h.red + " --headless --script " +
                              (dir / "red.txt").string() + " >" + (dir / "red.out").string() +
                              " 2>&1 & echo $! >" + (dir / "red.pid").string();
  ASSERT_EQ(std::system(red_cmd.c_str()), 0);
  const Result blue = rfsim("join 127.0.0.1:" + h.port + " --cell blue --code " + h.blue +
                            " --headless --script " + (dir / "blue.txt").string());
  EXPECT_EQ(blue.code, 0) << blue.err << blue.out;
  EXPECT_NE(blue.out.find("picture D+0 06:"), std::string::npos) << blue.out;
  // The host leaves at 6h and writes the game.
  for (int i = 0; i < 300 && !std::filesystem::exists(save); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  stop_host(dir);
  const std::string host = slurp(dir / "host.out");
  ASSERT_TRUE(std::filesystem::exists(save)) << host;
  EXPECT_NE(host.find("blue seat 127.0.0.1:"), std::string::npos) << host;
  EXPECT_NE(host.find("saved the game"), std::string::npos) << host;
  const Result replay = rfsim("replay " + save.string() + " --verify");
  EXPECT_EQ(replay.code, 0) << replay.err;
  std::filesystem::remove_all(dir);
}

TEST(SeatCli, WrongCodeIsBadInput) {
  const auto dir = scratch("wrongcode");
  const Hosted h = start_host(dir, "--paused --save " + (dir / "g.rfsave").string());
  ASSERT_FALSE(h.port.empty()) << slurp(dir / "host.out");
  const Result r =
      rfsim("join 127.0.0.1:" + h.port + " --cell red --code " + h.blue + " --headless");
  stop_host(dir);
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_NE(r.err.find("wrong join code for a red seat"), std::string::npos) << r.err;
  std::filesystem::remove_all(dir);
}

// `rfsim host` without --headless opens the facilitator's window on the game it hosts: it
// prints the join codes as the console does, and closing it saves the game. No --size: the
// default size must be one the window takes.
TEST(SeatCli, TheHostsWindowPrintsTheCodesAndSavesOnClosing) {
  const auto dir = scratch("hostwin");
  const auto save = dir / "g.rfsave";
  std::ofstream(dir / "close.txt") << "wait 0.5\nclose\n";
  const Result r = rfsim("host --port 0 --paused --save " + save.string() + " " + "--script " +
                         (dir / "close.txt").string());
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("listening on port"), std::string::npos) << r.out;
  EXPECT_TRUE(std::regex_search(r.out, std::regex(R"(  blue: \w{6})"))) << r.out;
  EXPECT_NE(r.out.find("saved the game at D+0 00:00:00 (0 commands) to " + save.string()),
            std::string::npos)
      << r.out;
  EXPECT_TRUE(std::filesystem::exists(save));
  std::filesystem::remove_all(dir);
}

TEST(SeatCli, BadOptionsAndScriptsAreBadInput) {
  const auto dir = scratch("seatopts");
  EXPECT_EQ(rfsim("host --until 6h").code, 2);                 // a headless host's
  EXPECT_EQ(rfsim("host --headless --script x.txt").code, 2);  // the window's
  EXPECT_EQ(rfsim("host --speed 0").code, 2);
  EXPECT_EQ(rfsim("host --decision-limit 0s").code, 2);
  EXPECT_EQ(rfsim("host --observers-see purple").code, 2);
  EXPECT_EQ(rfsim("join nowhere --cell blue --code X --headless").code, 2);
  EXPECT_EQ(rfsim("join 127.0.0.1:70000 --cell blue --code X --headless").code, 2);
  EXPECT_EQ(rfsim("join 127.0.0.1:5555 --cell green --code X --headless").code, 2);
  EXPECT_EQ(rfsim("join 127.0.0.1:5555 --cell red --nation UK --code X --headless").code, 2);
  std::ofstream(dir / "bad.txt") << "wait 1s\nanswer twelve 1\n";
  const Result r = rfsim("join 127.0.0.1:5555 --cell blue --code X --headless --script " +
                         (dir / "bad.txt").string());
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("bad.txt:2:"), std::string::npos) << r.err;
  std::filesystem::remove_all(dir);
}

// The default scenario with HQ's taskings asked of a player: the game waits for Blue's seat.
std::filesystem::path asking_scenario(const std::filesystem::path& dir) {
  std::string text = slurp(std::string(RFSIM_ASSETS_DIR) + "/scenarios/partial-ceasefire.toml");
  const std::size_t hq = text.find("\nhq = ");
  EXPECT_NE(hq, std::string::npos);
  text.insert(hq + 1, "decisions = \"ask\"\n");
  const auto file = dir / "ask.toml";
  std::ofstream(file) << text;
  return file;
}

// `rfsim join` with its window (the suite runs under xvfb-run), killed if it hangs.
Result join_window(const std::filesystem::path& dir, const std::string& args) {
  const auto out = dir / "join.out";
  const auto err = dir / "join.err";
  const std::string cmd = "timeout 150 " + std::string(RFSIM_BINARY) + " join " + args + " >" +
                          out.string() + " 2>" + err.string() + " </dev/null";
  const int status = std::system(cmd.c_str());
  Result r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(out);
  r.err = slurp(err);
  return r;
}

// The host's save once it has left (it saves on SIGTERM as on Ctrl-C).
std::string stop_host_and_wait(const std::filesystem::path& dir,
                               const std::filesystem::path& save) {
  stop_host(dir);
  for (int i = 0; i < 300 && slurp(dir / "host.out").find("saved the game") == std::string::npos;
       ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_TRUE(std::filesystem::exists(save));
  return slurp(dir / "host.out");
}

TEST(SeatCli, AWindowSeatAnswersADecisionByAClickAndTheHostRecordsIt) {
  ASSERT_NE(std::getenv("DISPLAY"), nullptr) << "run the suite under xvfb-run";
  const auto dir = scratch("seatwindow");
  const auto save = dir / "game.rfsave";
  const Hosted h =
      start_host(dir, asking_scenario(dir).string() + " --speed 3600 --save " + save.string());
  ASSERT_FALSE(h.port.empty()) << slurp(dir / "host.out");
  // The second option, not doctrine's (the first, or record only): a click that went
  // nowhere or chose another would not give this line.
  std::ofstream(dir / "click.txt") << "wait-picture\nwait-decision\nclick decision/0/1\n"
                                      "wait 1\nscreenshot "
                                   << (dir / "blue.png").string() << "\nquit\n";
  const Result r =
      join_window(dir, "127.0.0.1:" + h.port + " --cell blue --code " + h.blue +
                           " --size 1280x800 --script " + (dir / "click.txt").string());
  EXPECT_EQ(r.code, 0) << r.err << r.out;
  EXPECT_TRUE(std::filesystem::exists(dir / "blue.png")) << r.out;
  const std::string host = stop_host_and_wait(dir, save);
  const std::regex answered(R"(blue seat 127\.0\.0\.1:\d+: answered decision (\d+) with option 1)");
  EXPECT_TRUE(std::regex_search(host, answered)) << host;
  EXPECT_NE(host.find("(1 commands)"), std::string::npos) << host;
  const Result replay = rfsim("replay " + save.string() + " --verify");
  EXPECT_EQ(replay.code, 0) << replay.err;
  std::filesystem::remove_all(dir);
}

TEST(SeatCli, AWindowSeatThatLosesTheHostShowsTheBannerAndRejoins) {
  ASSERT_NE(std::getenv("DISPLAY"), nullptr) << "run the suite under xvfb-run";
  const auto dir = scratch("seatrejoin");
  const auto save = dir / "game.rfsave";
  const Hosted h = start_host(dir, "--speed 600 --save " + save.string());
  ASSERT_FALSE(h.port.empty()) << slurp(dir / "host.out");
  std::ofstream(dir / "cut.txt") << "wait-picture\ncut\nwait-text Connection to the host lost\n"
                                    "echo banner-shown\nwait-new-picture\necho picture-again\n"
                                    "quit\n";
  const Result r = join_window(dir, "127.0.0.1:" + h.port + " --cell red --code " + h.red +
                                        " --size 1024x700 --script " + (dir / "cut.txt").string());
  EXPECT_EQ(r.code, 0) << r.err << r.out;
  const std::size_t banner = r.out.find("banner-shown");
  const std::size_t rejoined = r.out.find("rejoined the game");
  const std::size_t again = r.out.find("picture-again");
  ASSERT_NE(banner, std::string::npos) << r.out;
  ASSERT_NE(rejoined, std::string::npos) << r.out;
  ASSERT_NE(again, std::string::npos) << r.out;
  EXPECT_LT(banner, rejoined);
  EXPECT_LT(rejoined, again);
  const std::string host = stop_host_and_wait(dir, save);
  const std::regex joined(R"(red seat [\d.:]+ joined)");
  EXPECT_EQ(
      std::distance(std::sregex_iterator(host.begin(), host.end(), joined), std::sregex_iterator()),
      2)
      << host;
  std::filesystem::remove_all(dir);
}

TEST(SeatCli, ASeatOnAnotherTheatreIsRefusedNamingBoth) {
  const auto dir = scratch("seattheatre");
  const Hosted h = start_host(dir, "--paused --save " + (dir / "g.rfsave").string());
  ASSERT_FALSE(h.port.empty()) << slurp(dir / "host.out");
  // The seat's own assets, with one more link than the host's.
  const auto assets = dir / "assets";
  std::filesystem::copy(RFSIM_ASSETS_DIR, assets, std::filesystem::copy_options::recursive);
  std::ofstream(assets / "theatre" / "theatre.toml", std::ios::app)
      << "\n[[links]]\nfrom = \"lublin\"\nto = \"lviv\"\nmodes = [\"road\"]\n";
  const Result r = rfsim("--assets " + assets.string() + " join 127.0.0.1:" + h.port +
                         " --cell blue --code " + h.blue + " --headless");
  stop_host_and_wait(dir, dir / "g.rfsave");
  EXPECT_EQ(r.code, 2) << r.err << r.out;
  EXPECT_NE(r.err.find("plays on another theatre"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("links, fingerprint"), std::string::npos) << r.err;  // both named
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace rfsim::testing
