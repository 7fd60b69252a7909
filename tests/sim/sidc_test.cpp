// Tests of sim/sidc.hpp: each unit type's APP-6(D) / MIL-STD-2525D SIDC, checked digit group by
// digit group against the standard's tables in their machine-readable form (JMSML,
// github.com/Esri/joint-military-symbology-xml: instance/Base.xml for the fields' codes,
// instance/Land_Unit.xml, instance/Air.xml and instance/Sea_Surface.xml for the entities).
#include "sim/sidc.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <string>

namespace rfsim::sim {
namespace {

using ::testing::HasSubstr;

TEST(Sidc, FriendlyInfantryBattalionIsTheStandardsExample) {
  // 10 version (2525D / APP-6(D)), 0 reality, 3 friend, 10 land unit, 0 present, 0 no HQ/TF,
  // 16 battalion/squadron (Base.xml: echelon group 1, amplifier 6), 121100 Movement and
  // Maneuver / Infantry (Land_Unit.xml), no modifiers. The same code is the usual example of
  // renderers that implement the standard (milsymbol, mil-sym).
  EXPECT_EQ(unit_sidc(UnitType::LightInfantry, StandardIdentity::Friend, Echelon::Battalion),
            "10031000161211000000");
}

TEST(Sidc, LandUnitsCarryTheirEntityAndEchelon) {
  // Land_Unit.xml: Infantry / Armored/Mechanized/Tracked = 12 11 02.
  EXPECT_EQ(unit_sidc(UnitType::MechInfantry, StandardIdentity::Friend, Echelon::Regiment),
            "10031000171211020000");
  // Hostile (6) Fires / Air Defense = 13 01 00, company/battery/troop = 15.
  EXPECT_EQ(unit_sidc(UnitType::AirDefence, StandardIdentity::Hostile, Echelon::Company),
            "10061000151301000000");
  // Fires / Field Artillery = 13 03 00 with sector 1 modifier 41, Multiple Rocket Launcher.
  EXPECT_EQ(unit_sidc(UnitType::RocketArtillery, StandardIdentity::Friend, Echelon::Battalion),
            "10031000161303004100");
  // Movement and Maneuver / Observer = 12 12 00, platoon/detachment = 14.
  EXPECT_EQ(unit_sidc(UnitType::MonitoringTeam, StandardIdentity::Neutral, Echelon::Platoon),
            "10041000141212000000");
  // Movement and Maneuver / Unmanned Aerial Systems = 12 19 00.
  EXPECT_EQ(unit_sidc(UnitType::IsrDrone, StandardIdentity::Friend, Echelon::Company),
            "10031000151219000000");
  // Sustainment = 16 00 00.
  EXPECT_EQ(unit_sidc(UnitType::Logistics, StandardIdentity::Friend, Echelon::Regiment),
            "10031000171600000000");
  // Quick reaction: infantry with HQ/TF/dummy 4, task force.
  EXPECT_EQ(unit_sidc(UnitType::QuickReaction, StandardIdentity::Friend, Echelon::Battalion),
            "10031004161211000000");
}

TEST(Sidc, AirAndSeaUnitsUseTheirSymbolSetsWithoutEchelon) {
  // Air.xml: Military / Fixed-Wing / Fighter = 11 01 04; Airborne Early Warning = 11 01 16.
  EXPECT_EQ(unit_sidc(UnitType::FighterSquadron, StandardIdentity::Friend, Echelon::Battalion),
            "10030100001101040000");
  EXPECT_EQ(unit_sidc(UnitType::Awacs, StandardIdentity::Hostile), "10060100001101160000");
  // Sea_Surface.xml: Navy Task Organization / Navy Task Group = 12 10 03; USV = 12 07 00.
  EXPECT_EQ(unit_sidc(UnitType::NavalTaskGroup, StandardIdentity::Friend), "10033000001210030000");
  EXPECT_EQ(unit_sidc(UnitType::MaritimeDrones, StandardIdentity::Unknown), "10013000001207000000");
}

TEST(Sidc, ContextIsTheThirdDigit) {
  EXPECT_EQ(unit_sidc(UnitType::LightInfantry, StandardIdentity::Friend, Echelon::None,
                      SidcContext::Exercise),
            "10131000001211000000");
}

TEST(Sidc, EveryTypeGivesAValidDistinctCode) {
  std::set<std::string> seen;
  for (std::size_t t = 0; t < kUnitTypeCount; ++t) {
    const auto type = static_cast<UnitType>(t);
    const std::string code = unit_sidc(type, StandardIdentity::Friend, Echelon::Company);
    EXPECT_EQ(code.size(), 20u) << to_string(type);
    EXPECT_EQ(check_sidc(code), "") << to_string(type) << " " << code;
    EXPECT_TRUE(seen.insert(code).second) << to_string(type) << " shares " << code;
    EXPECT_FALSE(sidc_entity_name(type).empty());
  }
}

TEST(Sidc, EchelonFollowsPersonnelForLandUnitsOnly) {
  EXPECT_EQ(echelon_for(UnitType::MonitoringTeam, 4), Echelon::Team);
  EXPECT_EQ(echelon_for(UnitType::MonitoringTeam, 40), Echelon::Platoon);
  EXPECT_EQ(echelon_for(UnitType::AirDefence, 200), Echelon::Company);
  EXPECT_EQ(echelon_for(UnitType::QuickReaction, 600), Echelon::Battalion);
  EXPECT_EQ(echelon_for(UnitType::MechInfantry, 2000), Echelon::Regiment);
  EXPECT_EQ(echelon_for(UnitType::MechInfantry, 5000), Echelon::Brigade);
  EXPECT_EQ(echelon_for(UnitType::MechInfantry, 15000), Echelon::Division);
  EXPECT_EQ(echelon_for(UnitType::FighterSquadron, 250), Echelon::None);
  EXPECT_EQ(echelon_for(UnitType::NavalTaskGroup, 400), Echelon::None);
}

TEST(Sidc, CheckNamesTheFaultyDigits) {
  EXPECT_EQ(check_sidc("10031000161211000000"), "");
  EXPECT_THAT(check_sidc("1003100016121100000"), HasSubstr("expected 20 digits"));
  EXPECT_THAT(check_sidc("SFGPUCI-----"), HasSubstr("expected 20 digits"));
  EXPECT_THAT(check_sidc("1003100016121100000x"), HasSubstr("digit 20"));
  EXPECT_THAT(check_sidc("12031000161211000000"), HasSubstr("digits 1-2 (version)"));
  EXPECT_THAT(check_sidc("10331000161211000000"), HasSubstr("digit 3 (context)"));
  EXPECT_THAT(check_sidc("10071000161211000000"), HasSubstr("digit 4 (standard identity)"));
  EXPECT_THAT(check_sidc("10031200161211000000"), HasSubstr("digits 5-6 (symbol set)"));
  EXPECT_THAT(check_sidc("10031070161211000000"), HasSubstr("digit 7 (status)"));
}

}  // namespace
}  // namespace rfsim::sim
