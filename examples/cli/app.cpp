// The tool's frame: global options, the context (store, actor, today), option and output
// helpers, and the one place where errors become a line on stderr and an exit code.

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <limits>
#include <sstream>

#include "cli.hpp"

namespace inburgering::cli {

namespace {

/// The working day (--today) as the store's "today", and the real time as its "now": stored
/// deadlines and overdue marks follow the day the caseworker works on, while the audit trail
/// records when a change was really made.
class WorkingDayClock final : public Clock {
 public:
  explicit WorkingDayClock(Date day) : day_(day) {}
  Date today() const override { return day_; }
  std::chrono::sys_seconds now() const override { return real_.now(); }

 private:
  Date day_;
  SystemClock real_;
};

std::string env_or(const char* name, std::string fallback) {
  const char* value = std::getenv(name);
  return value && *value ? std::string(value) : std::move(fallback);
}

}  // namespace

// ---- Context ---------------------------------------------------------------------------------

Date Context::today() {
  if (!today_) {
    today_ = globals.today.empty() ? SystemClock().today() : date_option(globals.today, "--today");
  }
  return *today_;
}

storage::TrajectoryStore& Context::store(bool create_if_missing) {
  if (!store_) {
    if (globals.db.empty()) {
      throw ValidationError(
          "--db", "a database file or connection string is needed (or INBURGERING_DB)", "empty");
    }
    // The audit trail records when a change was really made, whatever working day --today
    // names; deadlines and overdue marks follow the working day (WorkingDayClock).
    const storage::StoreOptions options{.clock = std::make_shared<WorkingDayClock>(today()),
                                        .create_if_missing = create_if_missing};
    if (storage::backend_of(globals.db) == storage::Backend::kPostgres) {
      // A missing schema is refused by the store itself (NotFound) without create_if_missing.
      store_ = storage::open_store(globals.db, options);
      return *store_;
    }
    const std::string path =
        globals.db.rfind("sqlite:", 0) == 0 ? globals.db.substr(7) : globals.db;
    if (!create_if_missing && path != ":memory:" && !std::filesystem::exists(path)) {
      throw NotFound("database file", path);
    }
    created_file_ = path != ":memory:" && !std::filesystem::exists(path);
    created_path_ = path;
    store_ = storage::open_store(globals.db, options);
  }
  return *store_;
}

storage::Actor Context::actor() {
  if (globals.user.empty()) {
    throw ValidationError("--user", "who is acting must be given (or INBURGERING_USER)", "empty");
  }
  if (globals.municipality.empty()) {
    throw ValidationError("--municipality",
                          "the municipality of the user must be given (or "
                          "INBURGERING_MUNICIPALITY)",
                          "empty");
  }
  return storage::Actor{UserId(globals.user),
                        from_string<storage::Role>(globals.role, "--role"),
                        municipality_option(globals.municipality, "--municipality"),
                        {}};
}

void Context::print_json(const json& document) {
  out << document.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
}

void Context::discard_created_file() {
  if (!created_file_) return;
  store_.reset();
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    std::filesystem::remove(created_path_ + suffix, ignored);
  }
  created_file_ = false;
}

void Context::change(std::int64_t id, std::string_view command, std::string_view done_nl,
                     std::string_view done_en, const std::function<void(Trajectory&)>& act,
                     storage::LoadOptions options) {
  auto& s = store();
  const storage::Actor me = actor();
  const Date on = today();
  Trajectory trajectory = s.load(me, TrajectoryId(id), options);
  act(trajectory);
  const std::int64_t revision = s.save(me, trajectory);
  if (globals.json) {
    print_json(change_json(command, trajectory, on));
    return;
  }
  const auto signals = trajectory.signals(on);
  out << t("Traject ", "Trajectory ") << id << ": " << t(done_nl, done_en) << " ("
      << t("revisie ", "revision ") << revision << ", " << label(trajectory.state()) << ")\n";
  if (signals.empty()) {
    out << t("  geen open signalen\n", "  no open signals\n");
  }
  for (const auto& signal : signals) out << "  " << signal_line(*this, signal) << "\n";
}

// ---- option helpers --------------------------------------------------------------------------

Date date_option(const std::string& text, std::string_view option) {
  return parse_date(text, option);
}

std::optional<Date> date_option(const std::optional<std::string>& text, std::string_view option) {
  if (!text) return std::nullopt;
  return parse_date(*text, option);
}

Bsn bsn_option(const std::string& text, std::string_view option) {
  if (!Bsn::is_valid(text)) {
    // The digits are personal data: the error describes them, never repeats them.
    throw ValidationError(std::string(option), "nine digits that pass the eleven-test (Wet BRP)",
                          std::to_string(text.size()) + " characters");
  }
  return Bsn(text);
}

Money money_option(const std::string& text, std::string_view option) {
  std::string digits = text;
  std::replace(digits.begin(), digits.end(), ',', '.');
  const auto dot = digits.find('.');
  const std::string whole = digits.substr(0, dot);
  std::string cents = dot == std::string::npos ? "00" : digits.substr(dot + 1);
  const auto all_digits = [](const std::string& s) {
    return !s.empty() && s.size() <= 9 &&
           std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
  };
  if (cents.size() == 1) cents += "0";
  if (!all_digits(whole) || cents.size() != 2 || !all_digits(cents)) {
    // An amount is financial data: the error describes it, never repeats it.
    throw ValidationError(std::string(option), "an amount in euros, e.g. 645 or 645,50",
                          std::to_string(text.size()) + " characters");
  }
  return Money::cents(std::stoll(whole) * 100 + std::stoll(cents));
}

MunicipalityCode municipality_option(const std::string& text, std::string_view option) {
  if (text.size() != 4 ||
      !std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); })) {
    throw ValidationError(std::string(option), "a CBS municipality code of four digits, e.g. 0344",
                          "\"" + cut(text, 20) + "\"");
  }
  return MunicipalityCode(text);
}

std::string cut(std::string_view text, std::size_t max_bytes) {
  std::size_t end = std::min(text.size(), max_bytes);
  // Back off to the start of a character (continuation bytes are 10xxxxxx).
  while (end < text.size() && end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
    --end;
  }
  std::string out(text.substr(0, end));
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
  }
  return out;
}

std::vector<std::string> split_fields(const std::string& text, std::size_t parts,
                                      std::string_view option, std::string_view form) {
  std::vector<std::string> out;
  std::size_t from = 0;
  while (out.size() + 1 < parts) {
    const auto colon = text.find(':', from);
    if (colon == std::string::npos) break;
    out.push_back(text.substr(from, colon - from));
    from = colon + 1;
  }
  out.push_back(text.substr(from));
  if (out.size() != parts) {
    throw ValidationError(std::string(option), "the form " + std::string(form),
                          std::to_string(out.size()) + " field(s)");
  }
  return out;
}

NewPrivateFile::NewPrivateFile(std::string path, std::string_view option) : path_(std::move(path)) {
  const mode_t old_mask = ::umask(077);
  file_ = std::fopen(path_.c_str(), "wx");
  ::umask(old_mask);
  if (!file_) {
    throw ValidationError(std::string(option),
                          "a new file that does not exist yet, in a writable directory",
                          "\"" + cut(path_, 60) + "\"");
  }
}

NewPrivateFile::~NewPrivateFile() {
  if (file_) {
    std::fclose(file_);
    std::remove(path_.c_str());
  }
}

void NewPrivateFile::write(const std::string& text) {
  const bool ok = std::fwrite(text.data(), 1, text.size(), file_) == text.size();
  const bool closed = std::fclose(file_) == 0;
  file_ = nullptr;
  if (!ok || !closed) {
    std::remove(path_.c_str());
    throw StorageError("could not write " + path_);
  }
}

CLI::App* add_command(CLI::App& app, const std::string& name, const std::string& alias,
                      const std::string& description, const std::string& example) {
  CLI::App* command = app.add_subcommand(name, description);
  if (!alias.empty() && alias != name) command->alias(alias);
  command->footer("Voorbeeld / example:\n  " + example + "\n\n" + kGlobalOptionsHelp);
  return command;
}

void add_id(CLI::App* command, std::int64_t& id) {
  command->add_option("id", id, "trajectnummer / trajectory id")
      ->required()
      ->check(CLI::Range(std::int64_t{1}, std::numeric_limits<std::int64_t>::max()))
      ->default_str("");
}

void add_report_options(CLI::App* command, ReportArgs& args) {
  command->add_flag("--voor-buiten", args.outside,
                    "onthullingsbeheersing toepassen: voor uitvoer die de gemeente verlaat");
  command
      ->add_option("--min", args.min_count, "kleinste getoonde aantal personen (met --voor-buiten)")
      ->check(CLI::Range(2, 100))
      ->needs("--voor-buiten");
  command->add_option("--formaat", args.format, "tekst, csv of json (--json geeft json)")
      ->check(CLI::IsMember({"tekst", "csv", "json"}));
}

CLI::Option* add_date(CLI::App* command, const std::string& name, std::string& target,
                      const std::string& description, bool required) {
  auto* option = command->add_option(name, target, description + " (JJJJ-MM-DD)");
  if (required) {
    option->required();
  } else {
    option->capture_default_str();
  }
  return option;
}

// ---- output helpers --------------------------------------------------------------------------

namespace {

/// The first character of `name` (a whole UTF-8 sequence), or "" for an empty name.
std::string first_character(const std::string& name) {
  if (name.empty()) return "";
  std::size_t length = 1;
  while (length < name.size() && length < 4 &&
         (static_cast<unsigned char>(name[length]) & 0xC0) == 0x80) {
    ++length;
  }
  return name.substr(0, length);
}

}  // namespace

std::string initials(const Participant& participant) {
  std::string out;
  if (!participant.given_names.empty()) out += first_character(participant.given_names) + ".";
  if (!participant.family_name.empty()) out += first_character(participant.family_name) + ".";
  return out;
}

json signal_json(const Signal& signal) {
  return {{"kind", to_string(signal.kind)},
          {"label_nl", label_nl(signal.kind)},
          {"due_on", to_iso(signal.due_on)},
          {"overdue", signal.overdue},
          {"detail", signal.detail}};
}

json change_json(std::string_view command, const Trajectory& trajectory, Date today) {
  json document = {{"schema", "inburgering-cli"},
                   {"version", kJsonOutputVersion},
                   {"kind", "change"},
                   {"command", std::string(command)},
                   {"trajectory", trajectory.id().value()},
                   {"revision", trajectory.revision()},
                   {"state", to_string(trajectory.state())},
                   {"signals", json::array()}};
  for (const auto& signal : trajectory.signals(today)) {
    document["signals"].push_back(signal_json(signal));
  }
  return document;
}

std::string signal_line(const Context& ctx, const Signal& signal) {
  std::string line = to_iso(signal.due_on);
  line += signal.overdue ? std::string(ctx.t(" TE LAAT ", " OVERDUE ")) : "         ";
  line += ctx.label(signal.kind);
  if (!signal.detail.empty()) line += ": " + signal.detail;
  return line;
}

// ---- run -------------------------------------------------------------------------------------

namespace {

int report(Context& ctx, const Error& e, int exit_code) {
  const std::string code(to_string(e.code()));
  if (ctx.globals.json) {
    json error = {{"code", code}, {"message", e.what()}};
    if (const auto* v = dynamic_cast<const ValidationError*>(&e)) {
      error["field"] = v->field();
      error["rule"] = v->rule();
    } else if (const auto* r = dynamic_cast<const RuleViolation*>(&e)) {
      error["rule"] = r->rule();
    }
    ctx.err << json{{"schema", "inburgering-cli"},
                    {"version", kJsonOutputVersion},
                    {"kind", "error"},
                    {"exit_code", exit_code},
                    {"error", error}}
                   .dump(-1, ' ', false, json::error_handler_t::replace)
            << "\n";
  } else {
    ctx.err << ctx.t("fout", "error") << " (" << ctx.label(e.code()) << "): " << e.what() << "\n";
  }
  return exit_code;
}

int exit_code_of(const Error& e) {
  switch (e.code()) {
    case ErrorCode::kInvalidInput:
    case ErrorCode::kRuleViolation:
    case ErrorCode::kDossierRefused:
      return kExitRejected;
    case ErrorCode::kNotFound:
    case ErrorCode::kPurged:
      return kExitNotFound;
    case ErrorCode::kAccessDenied:
      return kExitAccessDenied;
    case ErrorCode::kIdExists:
    case ErrorCode::kAlreadyStored:
    case ErrorCode::kStaleRevision:
      return kExitConflict;
    case ErrorCode::kStorageFailure:
    case ErrorCode::kStorageBusy:
    case ErrorCode::kCorruptData:
    case ErrorCode::kIncompatibleDatabase:
    case ErrorCode::kReadOnlyStore:
      return kExitStorage;
  }
  return kExitStorage;
}

}  // namespace

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  Context ctx(out, err);
  CLI::App app{
      "inburgering: het klantmanagersprogramma voor de Wet inburgering 2021 / the caseworker "
      "programme.\n"
      "Werkt op een SQLite-bestand of een PostgreSQL-database (--db). Wie handelt (--user, "
      "--role, --municipality) stelt het inbeddende systeem vast: dit programma controleert geen "
      "wachtwoord.",
      "inburgering"};
  app.require_subcommand(1);
  app.fallthrough();
  // A global option given twice (e.g. in a script's defaults and again) counts the last time.
  app.option_defaults()->always_capture_default()->multi_option_policy(
      CLI::MultiOptionPolicy::TakeLast);
  app.set_version_flag("--version", std::string(kVersion));
  Globals& g = ctx.globals;
  g.db = env_or("INBURGERING_DB", "inburgering.db");
  g.user = env_or("INBURGERING_USER", "");
  g.municipality = env_or("INBURGERING_MUNICIPALITY", "");
  g.role = env_or("INBURGERING_ROLE", "caseworker");
  g.lang = env_or("INBURGERING_LANG", "nl");
  g.today = env_or("INBURGERING_TODAY", "");
  app.add_option("--db", g.db,
                 "het SQLite-bestand, of postgresql://… / the SQLite file, or a PostgreSQL "
                 "connection string (env INBURGERING_DB)")
      ->default_str(storage::redacted_connection(g.db));  // --help shows no password
  app.add_option(
      "--today", g.today,
      "de dag waarop gewerkt wordt / the working day, JJJJ-MM-DD (env INBURGERING_TODAY; "
      "standaard: vandaag volgens de klok)");
  app.add_option("--lang", g.lang, "taal van de uitvoer / output language (env INBURGERING_LANG)")
      ->check(CLI::IsMember({"nl", "en"}));
  app.add_flag("--json", g.json, "JSON-uitvoer voor scripts (schema/cli-output-1.schema.json)");
  app.add_option("--user", g.user, "gebruiker / user id (env INBURGERING_USER)");
  app.add_option("--role", g.role,
                 "rol / role (env INBURGERING_ROLE): " + names_of<storage::Role>());
  app.add_option("--municipality", g.municipality,
                 "CBS-gemeentecode van de gebruiker / municipality code (env "
                 "INBURGERING_MUNICIPALITY)");

  add_participant_commands(app, ctx);
  add_intake_commands(app, ctx);
  add_plan_commands(app, ctx);
  add_progress_commands(app, ctx);
  add_term_commands(app, ctx);
  add_unburdening_commands(app, ctx);
  add_fine_commands(app, ctx);
  add_lifecycle_commands(app, ctx);
  add_view_commands(app, ctx);
  add_demo_commands(app, ctx);
  add_admin_commands(app, ctx);
  add_programme_commands(app, ctx);

  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::CallForHelp&) {
    out << app.help();  // the named subcommand's help, with its defaults and example
    return kExitOk;
  } catch (const CLI::CallForAllHelp&) {
    out << app.help("", CLI::AppFormatMode::All);
    return kExitOk;
  } catch (const CLI::CallForVersion&) {
    out << kVersion << "\n";
    return kExitOk;
  } catch (const CLI::Success&) {
    return kExitOk;
  } catch (const CLI::ParseError& e) {
    std::string what = cut(e.what(), 300);
    if (app.get_subcommands().empty() && !app.remaining().empty()) {
      // A misspelt command: CLI11 would only say that a subcommand is required.
      what = std::string(ctx.t("onbekende opdracht ", "unknown command ")) + "'" +
             cut(app.remaining().front(), 40) + "'";
    }
    // The options were not all parsed: --json counts wherever it was given.
    if (std::find(args.begin(), args.end(), "--json") != args.end()) {
      err << json{{"schema", "inburgering-cli"},
                  {"version", kJsonOutputVersion},
                  {"kind", "error"},
                  {"exit_code", kExitUsage},
                  {"error", {{"code", "usage"}, {"message", what}}}}
                 .dump(-1, ' ', false, json::error_handler_t::replace)
          << "\n";
      return kExitUsage;
    }
    err << ctx.t("fout (opdrachtregel): ", "error (command line): ") << what
        << ctx.t(" (zie --help)", " (see --help)") << "\n";
    return kExitUsage;
  } catch (const Error& e) {
    ctx.discard_created_file();
    return report(ctx, e, exit_code_of(e));
  } catch (const std::exception& e) {
    // Not expected: still one line, and no half-made file.
    ctx.discard_created_file();
    return report(ctx, StorageError(std::string("unexpected: ") + cut(e.what(), 200)),
                  kExitInternal);
  }
  return kExitOk;
}

}  // namespace inburgering::cli
