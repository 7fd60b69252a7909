// The flank states' air-defence sites (air_defence.hpp). Positions are the places' coordinates;
// which system stands where comes from the press and ministries' statements cited in
// docs/model.md; the ranges are one figure per system inside the published band (Patriot "up
// to 160 km" against aircraft, about 40 km against ballistic missiles): assumptions.
#include "sim/air_defence.hpp"

#include <array>

namespace rfsim::sim {
namespace {

constexpr double kPatriotKm =
    100;  // assumption: inside 40-160 km, against drones and cruise missiles
constexpr double kNasamsKm = 30;  // assumption: AMRAAM from the ground
constexpr double kSampTKm = 100;  // assumption: Aster 30, as Patriot

constexpr std::array<AirDefenceSite, 5> kSites{{
    // The aid hub: US Patriot from March 2022; German Patriot (two systems) from January 2025.
    {"flank_poland", "Rzeszow-Jasionka", "Patriot", {22.019, 50.110}, kPatriotKm},
    // Norway's NASAMS guarding the same airport (2024-25).
    {"flank_poland", "Rzeszow-Jasionka", "NASAMS", {22.019, 50.110}, kNasamsKm},
    // Poland's own Wisla (Patriot) batteries, 3rd Warsaw Air Defence Brigade: site assumed.
    {"flank_poland", "Warsaw", "Patriot", {21.012, 52.230}, kPatriotKm},
    // Romania's Patriot (first battery 2021): site not published, Bucharest assumed.
    {"flank_romania", "Bucharest", "Patriot", {26.103, 44.427}, kPatriotKm},
    // France's SAMP/T sent to Romania under NATO's forward presence (2022): Constanta assumed.
    {"flank_romania", "Constanta", "SAMP/T", {28.634, 44.180}, kSampTKm},
}};

}  // namespace

std::span<const AirDefenceSite> air_defence_sites() {
  return kSites;
}

}  // namespace rfsim::sim
