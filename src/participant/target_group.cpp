#include "inburgering/participant/target_group.hpp"

#include "detail/enum_table.hpp"

namespace inburgering {

INBURGERING_DEFINE_ENUM_TEXT(TargetGroup,
                             {TargetGroup::kAsylumPermitHolder, "asylum_permit_holder",
                              "asielstatushouder"},
                             {TargetGroup::kFamilyMigrant, "family_migrant", "gezinsmigrant"},
                             {TargetGroup::kOtherMigrant, "other_migrant", "overige migrant"},
                             {TargetGroup::kVoluntary, "voluntary", "vrijwillige inburgeraar"});

INBURGERING_DEFINE_ENUM_TEXT(
    ResidencePermit,
    {ResidencePermit::kTemporaryAsylum, "temporary_asylum", "verblijfsvergunning asiel"},
    {ResidencePermit::kRegular, "regular", "reguliere verblijfsvergunning"},
    {ResidencePermit::kEuLaw, "eu_law", "verblijf op grond van het Unierecht"});

INBURGERING_DEFINE_ENUM_TEXT(
    NotObligedGround, {NotObligedGround::kNone, "none", "geen uitzondering"},
    {NotObligedGround::kTemporaryPurpose, "temporary_purpose", "verblijf voor een tijdelijk doel"},
    {NotObligedGround::kLongTermResidentElsewhere, "long_term_resident_elsewhere",
     "langdurig ingezetene na inburgering in een andere lidstaat"},
    {NotObligedGround::kTreatyOrDecision, "treaty_or_decision",
     "uitgezonderd bij verdrag of besluit"});

INBURGERING_DEFINE_ENUM_TEXT(Regime, {Regime::kWi2013, "wi2013", "Wet inburgering 2013"},
                             {Regime::kWi2021, "wi2021", "Wet inburgering 2021"});

}  // namespace inburgering
