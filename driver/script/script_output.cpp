#include "driver/script/script_output.hpp"
#include "driver/script/exit_status.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>
#include <vector>

#include <csignal>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace retort::driver {

namespace {

std::string write_all(int fd, const std::string& text) {
    const char* data = text.data();
    std::size_t left = text.size();
    while (left > 0) {
        ssize_t n = ::write(fd, data, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            return std::strerror(errno);
        }
        data += n;
        left -= static_cast<std::size_t>(n);
    }
    return "";
}

// While a temporary file exists, SIGINT, SIGTERM and SIGHUP remove it before
// the process dies of the signal, so an interrupted `-o` leaves the old file
// and nothing else. The handler only calls unlink, signal and raise, which
// are async-signal-safe; the name lives in a fixed buffer it can read.
class TempFileGuard {
public:
    TempFileGuard() {
        sigemptyset(&signals_);
        for (int sig : handled) sigaddset(&signals_, sig);
    }

    // mkstemp with the signals blocked until the handler knows the name.
    int create(std::vector<char>& name) {
        sigset_t old;
        ::sigprocmask(SIG_BLOCK, &signals_, &old);
        int fd = ::mkstemp(name.data());
        if (fd >= 0 && name.size() <= sizeof(pending_name)) {
            std::memcpy(pending_name, name.data(), name.size());
            struct sigaction action {};
            action.sa_handler = &TempFileGuard::on_signal;
            sigemptyset(&action.sa_mask);
            for (std::size_t i = 0; i < std::size(handled); ++i) ::sigaction(handled[i], &action, &previous_[i]);
            armed_ = true;
        }
        ::sigprocmask(SIG_SETMASK, &old, nullptr);
        return fd;
    }

    // The file was renamed or unlinked: forget it and restore the handlers.
    template <class Step>
    auto finish(Step step) {
        sigset_t old;
        ::sigprocmask(SIG_BLOCK, &signals_, &old);
        auto result = step();
        if (armed_) {
            pending_name[0] = '\0';
            for (std::size_t i = 0; i < std::size(handled); ++i) ::sigaction(handled[i], &previous_[i], nullptr);
            armed_ = false;
        }
        ::sigprocmask(SIG_SETMASK, &old, nullptr);
        return result;
    }

private:
    static constexpr int handled[] = {SIGINT, SIGTERM, SIGHUP};
    static inline char pending_name[4096] = {};

    static void on_signal(int sig) {
        if (pending_name[0] != '\0') ::unlink(pending_name);
        ::signal(sig, SIG_DFL);
        ::raise(sig);
    }

    sigset_t signals_{};
    struct sigaction previous_[std::size(handled)] {};
    bool armed_ = false;
};

}  // namespace

std::string write_file_atomically(const std::string& path, const std::string& text) {
    namespace fs = std::filesystem;
    struct stat existing {};
    bool exists = ::stat(path.c_str(), &existing) == 0;
    // A device or a pipe (-o /dev/null, -o /dev/stdout) is written in place:
    // renaming over it would replace the device node with a file.
    if (exists && !S_ISREG(existing.st_mode)) {
        int fd = ::open(path.c_str(), O_WRONLY | O_TRUNC);
        if (fd < 0) return fmt::format("cannot write {}: {}", path, std::strerror(errno));
        std::string error = write_all(fd, text);
        if (::close(fd) != 0 && error.empty()) error = std::strerror(errno);
        return error.empty() ? "" : fmt::format("cannot write {}: {}", path, error);
    }
    // Through a symbolic link, the file it points to is replaced.
    fs::path target(path);
    std::error_code ec;
    if (exists && fs::is_symlink(fs::symlink_status(target, ec))) {
        fs::path real = fs::canonical(target, ec);
        if (!ec) target = real;
    }
    fs::path dir = target.parent_path();
    if (dir.empty()) dir = ".";
    std::string temp = (dir / ("." + target.filename().string() + ".retort-XXXXXX")).string();
    std::vector<char> name(temp.begin(), temp.end());
    name.push_back('\0');
    TempFileGuard guard;
    int fd = guard.create(name);
    if (fd < 0) return fmt::format("cannot write {}: {}", path, std::strerror(errno));
    std::string error = write_all(fd, text);
    if (error.empty()) {
        // The mode of the file it replaces, or what a new file would get.
        mode_t mode;
        if (exists) {
            mode = existing.st_mode & 07777;
        } else {
            mode_t mask = ::umask(0);
            ::umask(mask);
            mode = 0666 & ~mask;
        }
        if (::fchmod(fd, mode) != 0 || ::fsync(fd) != 0) error = std::strerror(errno);
    }
    if (::close(fd) != 0 && error.empty()) error = std::strerror(errno);
    return guard.finish([&]() -> std::string {
        if (error.empty() && std::rename(name.data(), target.c_str()) != 0) error = std::strerror(errno);
        if (error.empty()) return "";
        ::unlink(name.data());
        return fmt::format("cannot write {}: {}", path, error);
    });
}

namespace {

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        else ++end;  // keep the newline: a missing final newline is a difference
        lines.push_back(text.substr(start, end - start));
        start = end;
    }
    return lines;
}

enum class Op { keep, remove, add };

// The edit script between a and b: common prefix and suffix, then an LCS
// table on what is left (or "replace it all" when that would be too big).
std::vector<std::pair<Op, std::string_view>> edit_script(const std::vector<std::string_view>& a,
                                                         const std::vector<std::string_view>& b) {
    std::size_t pre = 0;
    while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
    std::size_t suf = 0;
    while (suf < a.size() - pre && suf < b.size() - pre && a[a.size() - 1 - suf] == b[b.size() - 1 - suf]) ++suf;
    std::size_t n = a.size() - pre - suf, m = b.size() - pre - suf;
    std::vector<std::pair<Op, std::string_view>> out;
    for (std::size_t i = 0; i < pre; ++i) out.emplace_back(Op::keep, a[i]);
    if (n * m <= 25'000'000) {
        std::vector<std::vector<unsigned>> lcs(n + 1, std::vector<unsigned>(m + 1, 0));
        for (std::size_t i = n; i-- > 0;)
            for (std::size_t j = m; j-- > 0;)
                lcs[i][j] = a[pre + i] == b[pre + j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
        std::size_t i = 0, j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a[pre + i] == b[pre + j]) {
                out.emplace_back(Op::keep, a[pre + i]);
                ++i, ++j;
            } else if (j < m && (i == n || lcs[i][j + 1] > lcs[i + 1][j])) {
                out.emplace_back(Op::add, b[pre + j++]);
            } else {
                out.emplace_back(Op::remove, a[pre + i++]);
            }
        }
    } else {
        for (std::size_t i = 0; i < n; ++i) out.emplace_back(Op::remove, a[pre + i]);
        for (std::size_t j = 0; j < m; ++j) out.emplace_back(Op::add, b[pre + j]);
    }
    for (std::size_t i = a.size() - suf; i < a.size(); ++i) out.emplace_back(Op::keep, a[i]);
    return out;
}

std::string range(std::size_t start, std::size_t count) {
    if (count == 1) return fmt::format("{}", start);
    return fmt::format("{},{}", start, count);
}

}  // namespace

std::string unified_diff(std::string_view a, std::string_view b, std::string_view a_name, std::string_view b_name) {
    if (a == b) return "";
    auto lines_a = split_lines(a), lines_b = split_lines(b);
    auto edits = edit_script(lines_a, lines_b);
    constexpr std::size_t context = 3;
    std::string out = fmt::format("--- {}\n+++ {}\n", a_name, b_name);
    std::size_t k = 0;
    while (k < edits.size()) {
        while (k < edits.size() && edits[k].first == Op::keep) ++k;
        if (k == edits.size()) break;
        // A hunk: from `context` keeps before the change to `context` keeps
        // after the last change that is not followed by 2*context keeps.
        std::size_t begin = k >= context ? k - context : 0;
        std::size_t end = k;
        while (true) {
            while (end < edits.size() && edits[end].first != Op::keep) ++end;
            std::size_t keeps = 0;
            while (end + keeps < edits.size() && edits[end + keeps].first == Op::keep) ++keeps;
            if (end + keeps < edits.size() && keeps <= 2 * context) {
                end += keeps;
                continue;
            }
            end += std::min(keeps, context);
            break;
        }
        // Line numbers (1-based) of the hunk's first line in a and b.
        std::size_t line_a = 1, line_b = 1;
        for (std::size_t i = 0; i < begin; ++i) {
            if (edits[i].first != Op::add) ++line_a;
            if (edits[i].first != Op::remove) ++line_b;
        }
        std::size_t count_a = 0, count_b = 0;
        std::string body;
        for (std::size_t i = begin; i < end; ++i) {
            char mark = edits[i].first == Op::keep ? ' ' : edits[i].first == Op::remove ? '-' : '+';
            if (edits[i].first != Op::add) ++count_a;
            if (edits[i].first != Op::remove) ++count_b;
            std::string_view line = edits[i].second;
            body += mark;
            body += line;
            if (line.empty() || line.back() != '\n') body += "\n\\ No newline at end of file\n";
        }
        out += fmt::format("@@ -{} +{} @@\n", range(count_a ? line_a : line_a - 1, count_a),
                           range(count_b ? line_b : line_b - 1, count_b));
        out += body;
        k = end;
    }
    return out;
}

int deliver_script(std::ostream& out, std::ostream& err, const std::string& text, const ScriptDestination& destination) {
    if (destination.check) {
        std::ifstream in(*destination.check, std::ios::binary);
        if (!in) {
            err << fmt::format("retort: error: cannot read {}: {}\n", *destination.check, std::strerror(errno));
            return exit_input_error;
        }
        std::stringstream buffer;
        buffer << in.rdbuf();
        std::string golden = buffer.str();
        std::string diff = unified_diff(golden, text, *destination.check, "generated");
        if (!diff.empty()) {
            out << diff;
            return exit_input_error;
        }
        if (!destination.output) return exit_ok;
    }
    if (destination.output) {
        std::string error = write_file_atomically(*destination.output, text);
        if (!error.empty()) {
            err << "retort: error: " << error << "\n";
            return exit_input_error;
        }
        return exit_ok;
    }
    out << text;
    return exit_ok;
}

}  // namespace retort::driver
