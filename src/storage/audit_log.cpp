#include "inburgering/storage/audit_log.hpp"

#include "detail/enum_table.hpp"

namespace inburgering::storage {

INBURGERING_DEFINE_ENUM_TEXT(
    AuditAction, {AuditAction::kCreate, "create", "aangemaakt"},
    {AuditAction::kUpdate, "update", "gewijzigd"},
    {AuditAction::kReadSpecial, "read_special", "bijzondere persoonsgegevens ingezien"},
    {AuditAction::kDenied, "denied", "toegang geweigerd"},
    {AuditAction::kPurge, "purge", "verwijderd na bewaartermijn"},
    {AuditAction::kErase, "erase", "verwijderd op verzoek"},
    {AuditAction::kRefresh, "refresh", "termijnen herberekend"},
    {AuditAction::kSubjectAccess, "subject_access", "inzage verstrekt (AVG art. 15)"},
    {AuditAction::kEvaluationExport, "evaluation_export",
     "gepseudonimiseerde gegevens voor evaluatie verstrekt"},
    {AuditAction::kProgramme, "programme", "programma of deelname gewijzigd"});

}  // namespace inburgering::storage
