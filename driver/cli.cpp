#include "driver/cli.hpp"

#include "driver/alembic_habits.hpp"
#include "retort_version.hpp"

#include <boost/program_options.hpp>
#include <fmt/format.h>

#include <ostream>

namespace po = boost::program_options;

namespace retort::driver {

namespace {

po::options_description global_options() {
    po::options_description options("Global options");
    options.add_options()
        ("project,C", po::value<std::string>()->value_name("DIR"), "project folder (default: the current folder)")
        ("config,c", po::value<std::string>()->value_name("FILE"), "config file (default: DIR/retort.yaml)")
        ("help,h", "show this help; every command has its own --help")
        ("version", "print the version and exit");
    return options;
}

void print_help(std::ostream& out) {
    out << "usage: retort [-C DIR] [-c FILE] COMMAND [ARGS]\n\n"
           "retort compiles .mig migration files into SQL scripts for PostgreSQL, SQLite\n"
           "and MySQL, offline: no command opens a database connection.\n\n"
        << global_options() << "\nCommands:\n";
    for (const Command& command : commands()) out << fmt::format("  {:<10} {}\n", command.name, command.summary);
    out << "\nEnvironment: RETORT_JOBS=N (1 to 64) threads that read and parse the .mig\n"
           "files (default: one per core, at most 8); the output is the same for any N.\n"
           "\nExit status: 0 success; 1 the input has errors, a check found a difference,\n"
           "or lint found what --fail-on names; 2 usage error.\n";
}

bool takes_value(const std::string& arg) {
    return arg == "-C" || arg == "--project" || arg == "-c" || arg == "--config";
}

}  // namespace

int usage_error(Invocation& inv, const std::string& message, const std::optional<std::string>& hint) {
    std::string who = inv.command.empty() ? "retort" : "retort " + inv.command;
    inv.err << fmt::format("{}: error: {}\n", who, message);
    if (hint) inv.err << fmt::format("{}: note: {}\n", who, *hint);
    inv.err << fmt::format("(see '{} --help')\n", who);
    return exit_usage;
}

int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
    Invocation inv{ProjectPaths{}, "", {}, out, err};
    // Global options stand before the command; everything after it is the
    // command's own.
    std::vector<std::string> prefix;
    int i = 1;
    for (; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg.empty() || arg[0] != '-' || arg == "-") break;
        prefix.push_back(arg);
        if (takes_value(arg) && i + 1 < argc) prefix.push_back(argv[++i]);
    }
    po::variables_map vm;
    try {
        po::store(po::command_line_parser(prefix).options(global_options()).run(), vm);
        po::notify(vm);
    } catch (const po::error& e) {
        return usage_error(inv, e.what());
    }
    if (vm.count("version")) {
        out << "retort " << RETORT_VERSION << " (commit " << RETORT_COMMIT << ")\n";
        return exit_ok;
    }
    if (vm.count("help")) {
        print_help(out);
        return exit_ok;
    }
    if (vm.count("project")) inv.paths.project_dir = vm["project"].as<std::string>();
    if (vm.count("config")) inv.paths.config_file = vm["config"].as<std::string>();
    if (i >= argc) {
        print_help(err);
        return exit_usage;
    }
    inv.command = argv[i++];
    for (; i < argc; ++i) inv.args.emplace_back(argv[i]);
    for (const Command& command : commands())
        if (inv.command == command.name) return command.run(inv);
    std::string name = inv.command;
    inv.command.clear();
    return usage_error(inv, fmt::format("unknown command '{}'", name), hint_for_command(name));
}

}  // namespace retort::driver
