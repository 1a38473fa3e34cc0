#pragma once
// The caseworker programme `inburgering`: a command-line tool over a store, for a caseworker
// (klantmanager) or team lead doing a day's work, and for municipal IT scripting it (`--json`).
//
// Every subcommand maps to one library call; this header holds what they share: the global
// options, the context that opens the store and names the actor, option helpers that turn
// text into the library's types (errors name the option), and the output helpers (Dutch or
// English, text or JSON).

#include <CLI/CLI.hpp>
#include <inburgering/inburgering.hpp>

#include <cstdio>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace inburgering::cli {

using nlohmann::json;

/// Version of the `--json` output's schema (schema/cli-output-1.schema.json).
inline constexpr int kJsonOutputVersion = 1;

/// Exit codes (README, "The caseworker programme").
enum ExitCode : int {
  kExitOk = 0,
  /// The input breaks a rule of form (ValidationError) or of law (RuleViolation).
  kExitRejected = 1,
  /// The command line itself: an unknown subcommand or option, a missing required option.
  kExitUsage = 2,
  kExitNotFound = 3,
  kExitAccessDenied = 4,
  /// Someone else saved the trajectory in between, or the id exists.
  kExitConflict = 5,
  /// The database could not be opened, read or written.
  kExitStorage = 6,
  /// Anything else (a bug): reported in one line like the others.
  kExitInternal = 7,
};

/// The options every subcommand takes (given before or after the subcommand's name).
struct Globals {
  std::string db;
  std::string today;
  std::string lang = "nl";
  bool json = false;
  std::string user;
  std::string role = "caseworker";
  std::string municipality;
};

/// What a command runs with: the parsed global options, the output streams, and the store
/// (opened on first use).
class Context {
 public:
  Context(std::ostream& out_stream, std::ostream& err_stream) : out(out_stream), err(err_stream) {}

  Globals globals;
  std::ostream& out;
  std::ostream& err;

  bool english() const { return globals.lang == "en"; }
  /// Dutch text, or the English one with `--lang en`.
  std::string_view t(std::string_view nl, std::string_view en) const { return english() ? en : nl; }
  /// The Dutch label of an enumerator, or its stable name with `--lang en`.
  template <class E>
  std::string label(E value) const {
    return std::string(english() ? to_string(value) : label_nl(value));
  }

  /// `--today`, or the real date of the clock when not given.
  Date today();
  /// The store on `--db`; commands that may create the file say so (`create_if_missing`),
  /// the others refuse a file that does not exist (so a typo does not create an empty one).
  storage::TrajectoryStore& store(bool create_if_missing = false);
  /// The actor from `--user`, `--role` and `--municipality` (or their environment variables).
  storage::Actor actor();

  /// Loads trajectory `id`, lets `act` change it, saves it and prints the result: what was done
  /// (`done_nl`/`done_en`), the new revision and the signals now open. `act` throws to refuse;
  /// then nothing is saved.
  void change(std::int64_t id, std::string_view command, std::string_view done_nl,
              std::string_view done_en, const std::function<void(Trajectory&)>& act,
              storage::LoadOptions options = {});

  /// Prints a JSON document (indented for reading; invalid UTF-8 replaced, never thrown on).
  void print_json(const json& document);

  /// After a failed command: removes the SQLite file if this run created it, so that a
  /// refused first command leaves no empty database behind. (On PostgreSQL a schema this run
  /// created stays, with empty tables: the application role may not drop it.)
  void discard_created_file();

 private:
  std::optional<Date> today_;
  std::unique_ptr<storage::TrajectoryStore> store_;
  bool created_file_ = false;
  std::string created_path_;
};

// ---- option helpers ------------------------------------------------------------------------

/// Every stable name of `E`, comma-separated, for an option's help text.
template <class E>
std::string names_of() {
  std::string out;
  for (E e : all_enumerators<E>()) {
    if (!out.empty()) out += ", ";
    out += to_string(e);
  }
  return out;
}

/// Parses the date `text` of option `option` (YYYY-MM-DD). @throws ValidationError naming it.
Date date_option(const std::string& text, std::string_view option);
std::optional<Date> date_option(const std::optional<std::string>& text, std::string_view option);
/// Parses a BSN. @throws ValidationError naming the option (never the digits).
Bsn bsn_option(const std::string& text, std::string_view option = "--bsn");
/// Parses an amount in euros ("645", "645.50" or "645,50"). @throws ValidationError.
Money money_option(const std::string& text, std::string_view option);
/// Parses a municipality code (four digits). @throws ValidationError.
MunicipalityCode municipality_option(const std::string& text, std::string_view option);
/// At most `max_bytes` of `text`, cut on a UTF-8 character boundary, with control characters
/// replaced by spaces: for quoting input in an error, or printing free text on one line.
std::string cut(std::string_view text, std::size_t max_bytes);
/// Splits "a:b:c" into exactly `parts` fields (the last may contain ':').
/// @throws ValidationError naming the option and the expected form.
std::vector<std::string> split_fields(const std::string& text, std::size_t parts,
                                      std::string_view option, std::string_view form);

/// A new file only its owner may read, for what a command writes out (a dossier, a key, an
/// export, a report): refused when it exists (nothing is ever overwritten), created before the
/// command changes or audits anything, and removed again unless `write` completed, so a failed
/// command leaves no file behind.
class NewPrivateFile {
 public:
  /// @throws ValidationError naming `option` when the file exists or cannot be created.
  NewPrivateFile(std::string path, std::string_view option);
  ~NewPrivateFile();
  NewPrivateFile(const NewPrivateFile&) = delete;
  NewPrivateFile& operator=(const NewPrivateFile&) = delete;
  /// Writes `text`, closes the file and keeps it. @throws StorageError.
  void write(const std::string& text);

 private:
  std::string path_;
  std::FILE* file_ = nullptr;
};

/// The pseudonym key in the file given by `--sleutel` (`pseudoniemsleutel-maken`): refused when
/// not given (CLI::RequiredError: exit 2), or readable by others than its owner; the text read
/// is wiped. @throws CLI::RequiredError, ValidationError, NotFound.
monitoring::PseudonymKey pseudonym_key_file(const std::string& path);

/// An export's CSV goes to standard output, or to `--bestand`; with `--json` (which prints the
/// summary) it must go to a file, else it would be written nowhere but audited as given out.
/// @throws CLI::RequiredError.
void require_export_file(const Context& ctx, const std::string& file);

/// `--woordenboek` prints Markdown: refused with `--json`. @throws CLI::ValidationError.
void refuse_json_dictionary(const Context& ctx);

/// How a report is asked for: the disclosure rule and the output format.
struct ReportArgs {
  bool outside = false;
  int min_count = 5;
  std::string format = "tekst";
  monitoring::DisclosureRule rule() const { return {.apply = outside, .min_count = min_count}; }
};

/// Adds `--voor-buiten`, `--min` and `--formaat` to a report command.
void add_report_options(CLI::App* command, ReportArgs& args);

/// Prints a report (the monitoring report or a programme's outcomes, through their `to_json`,
/// `to_csv` and `to_text`): with `--json` as a document of `kind`, otherwise as `--formaat` says.
template <class Report>
void print_report(Context& ctx, const ReportArgs& args, const char* kind, const Report& report) {
  if (ctx.globals.json) {
    ctx.print_json({{"schema", "inburgering-cli"},
                    {"version", kJsonOutputVersion},
                    {"kind", kind},
                    {"report", json::parse(to_json(report))}});
  } else if (args.format == "csv") {
    ctx.out << to_csv(report);
  } else if (args.format == "json") {
    ctx.out << to_json(report) << "\n";
  } else {
    ctx.out << to_text(report, ctx.english());
  }
}

/// Adds a subcommand with its Dutch name, English alias, description and an example for `--help`.
CLI::App* add_command(CLI::App& app, const std::string& name, const std::string& alias,
                      const std::string& description, const std::string& example);
/// The global options, for the footer of every subcommand's help.
inline constexpr const char* kGlobalOptionsHelp =
    "Algemene opties (voor of na de opdracht): --db BESTAND of postgresql://… (standaard "
    "inburgering.db of INBURGERING_DB), --today JJJJ-MM-DD (standaard vandaag; "
    "INBURGERING_TODAY), --user, --municipality (verplicht; INBURGERING_USER, "
    "INBURGERING_MUNICIPALITY), --role (standaard caseworker), --lang nl|en, --json. Zie "
    "inburgering --help.";
/// Adds the required positional trajectory id.
void add_id(CLI::App* command, std::int64_t& id);
/// Adds a required date option, e.g. `--datum`.
CLI::Option* add_date(CLI::App* command, const std::string& name, std::string& target,
                      const std::string& description, bool required = true);

// ---- output helpers ------------------------------------------------------------------------

/// Initials only (whole UTF-8 characters), never the whole name: terminal output ends up in
/// logs and screenshots.
std::string initials(const Participant& participant);
json signal_json(const Signal& signal);
/// The `--json` document of a write (kind "change"): the trajectory after `command`, its
/// revision and state, and the signals open on the working day.
json change_json(std::string_view command, const Trajectory& trajectory, Date today);
/// One line for a signal: due date, overdue mark, label, detail.
std::string signal_line(const Context& ctx, const Signal& signal);

// ---- the command groups --------------------------------------------------------------------

void add_participant_commands(CLI::App& app, Context& ctx);
void add_intake_commands(CLI::App& app, Context& ctx);
void add_plan_commands(CLI::App& app, Context& ctx);
void add_progress_commands(CLI::App& app, Context& ctx);
void add_term_commands(CLI::App& app, Context& ctx);
void add_unburdening_commands(CLI::App& app, Context& ctx);
void add_fine_commands(CLI::App& app, Context& ctx);
void add_lifecycle_commands(CLI::App& app, Context& ctx);
void add_view_commands(CLI::App& app, Context& ctx);
void add_demo_commands(CLI::App& app, Context& ctx);
void add_admin_commands(CLI::App& app, Context& ctx);
void add_programme_commands(CLI::App& app, Context& ctx);

/// Runs the tool with `args` (without the programme name); returns the exit code.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace inburgering::cli
