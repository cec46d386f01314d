// Wall time and peak memory of the trigc binary on synthetic repositories (bench/gen_repo.py) of 50, 1k, 10k
// and 20k pipelines: `validate`, a full `build` of all six targets into a fresh folder, and a no-op `build`
// (the same build again, nothing changed). Prints figures and the goals of README "Scale"; it is not a test.
//
//   bench_scale [--trigc PATH] [--sizes 1000,10000,20000] [--runs N] [--work DIR]
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

struct Options {
  std::string trigc = TRIGC_BINARY;
  std::string generator = TRIGC_GENERATOR;
  std::vector<int> sizes = {1000, 10000, 20000};
  int runs = 3;
  fs::path work;
};

/// One run of a child process: wall seconds and its own peak resident set (wait4's rusage).
struct Sample {
  double seconds = 0;
  double peak_mb = 0;
  int status = 0;
};

Sample Run(const std::vector<std::string>& argv) {
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  std::fflush(nullptr);  // or the child would write out the parent's buffered lines again
  const auto begin = std::chrono::steady_clock::now();
  pid_t pid = fork();
  if (pid == 0) {
    // Diagnostics and summaries are not part of the figures.
    if (std::freopen("/dev/null", "w", stdout) == nullptr ||
        std::freopen("/dev/null", "w", stderr) == nullptr) {
      _exit(127);
    }
    execv(args[0], args.data());
    _exit(127);
  }
  Sample s;
  rusage usage{};
  if (pid < 0 || wait4(pid, &s.status, 0, &usage) < 0) {
    std::perror("bench_scale: fork/wait");
    std::exit(1);
  }
  s.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
  s.peak_mb = static_cast<double>(usage.ru_maxrss) / 1024.0;  // kilobytes on Linux
  return s;
}

void Check(const Sample& s, const std::string& what) {
  if (WIFEXITED(s.status) && WEXITSTATUS(s.status) == 0) return;
  std::fprintf(stderr, "bench_scale: %s failed (status %d); run it by hand to see why\n", what.c_str(),
               s.status);
  std::exit(1);
}

/// The fastest of the runs (the others waited on the machine) and the largest peak.
struct Figure {
  double seconds = 1e300;
  double peak_mb = 0;
  void Add(const Sample& s) {
    seconds = std::min(seconds, s.seconds);
    peak_mb = std::max(peak_mb, s.peak_mb);
  }
};

struct Figures {
  Figure validate, full, noop;
};

fs::path Generate(const Options& o, int size) {
  fs::path repo = o.work / ("repo_" + std::to_string(size));
  if (fs::exists(repo / "trigc.yaml")) return repo;  // --work reused between runs
  std::string command =
      "python3 '" + o.generator + "' --pipelines " + std::to_string(size) + " '" + repo.string() + "'";
  if (std::system(command.c_str()) != 0) {
    std::fprintf(stderr, "bench_scale: %s failed\n", command.c_str());
    std::exit(1);
  }
  return repo;
}

// Output folders of earlier runs are moved here and deleted only after the last measurement. On ext4 without
// a journal, creating a file skips every inode freed in the last minutes one by one, so a full build right
// after deleting the previous one's 90,000 files spent twice the system time; a build into a fresh clone
// (what CI does) pays none of it.
fs::path Trash(const Options& o) { return o.work / "trash"; }

void MoveToTrash(const Options& o, const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return;
  fs::create_directories(Trash(o));
  static int moved = 0;
  fs::rename(path, Trash(o) / (path.filename().string() + "." + std::to_string(::getpid()) + "." +
                               std::to_string(moved++)));
}

Figures Measure(const Options& o, int size) {
  fs::path repo = Generate(o, size);
  Figures f;
  for (int run = 0; run < o.runs; ++run) {
    Sample v = Run({o.trigc, "validate", "-q", repo.string()});
    Check(v, "validate of " + repo.string());
    f.validate.Add(v);
    fs::path out = o.work / ("out_" + std::to_string(size));
    MoveToTrash(o, out);
    Sample full = Run({o.trigc, "build", "-q", repo.string(), "--out", out.string()});
    Check(full, "build of " + repo.string());
    f.full.Add(full);
    Sample noop = Run({o.trigc, "build", "-q", repo.string(), "--out", out.string()});
    Check(noop, "second build of " + repo.string());
    f.noop.Add(noop);
  }
  return f;
}

std::vector<int> ParseSizes(const std::string& text) {
  std::vector<int> sizes;
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    sizes.push_back(std::stoi(text.substr(start, comma - start)));
    start = comma + 1;
  }
  return sizes;
}

Options ParseOptions(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--trigc")
      o.trigc = argv[i + 1];
    else if (flag == "--sizes")
      o.sizes = ParseSizes(argv[i + 1]);
    else if (flag == "--runs")
      o.runs = std::max(1, std::atoi(argv[i + 1]));
    else if (flag == "--work")
      o.work = argv[i + 1];
    else {
      std::fprintf(stderr, "usage: bench_scale [--trigc PATH] [--sizes N,N] [--runs N] [--work DIR]\n");
      std::exit(2);
    }
  }
  return o;
}

const char* Verdict(bool ok) { return ok ? "ok" : "MISSED"; }

}  // namespace

int main(int argc, char** argv) {
  Options o = ParseOptions(argc, argv);
  bool own_work = o.work.empty();
  if (own_work) {
    std::string pattern = (fs::temp_directory_path() / "trigc-bench-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
      std::perror("bench_scale: mkdtemp");
      return 1;
    }
    o.work = pattern;
  }
  fs::create_directories(o.work);
  std::printf("trigc: %s\nbest of %d runs; peak = max resident set of the trigc process\n\n", o.trigc.c_str(),
              o.runs);

  // validate of a small repository: what a pre-commit hook pays on every commit.
  fs::path small = Generate(o, 50);
  Figure small_validate;
  for (int run = 0; run < std::max(10, o.runs); ++run) {
    Sample s = Run({o.trigc, "validate", "-q", small.string()});
    Check(s, "validate of " + small.string());
    small_validate.Add(s);
  }
  std::printf("%9s  %-18s %10s %10s\n", "pipelines", "command", "wall", "peak");
  std::printf("%9d  %-18s %8.1fms %8.1fMB\n", 50, "validate", small_validate.seconds * 1e3,
              small_validate.peak_mb);

  std::map<int, Figures> results;
  for (int size : o.sizes) {
    Figures f = Measure(o, size);
    results[size] = f;
    std::printf("%9d  %-18s %9.3fs %8.1fMB\n", size, "validate", f.validate.seconds, f.validate.peak_mb);
    std::printf("%9d  %-18s %9.3fs %8.1fMB\n", size, "build (6 targets)", f.full.seconds, f.full.peak_mb);
    std::printf("%9d  %-18s %9.3fs %8.1fMB\n", size, "build (no-op)", f.noop.seconds, f.noop.peak_mb);
    std::fflush(stdout);
  }

  std::printf("\ngoals:\n");
  std::printf("  validate, 50 pipelines < 10 ms: %.1f ms %s\n", small_validate.seconds * 1e3,
              Verdict(small_validate.seconds < 0.010));
  if (results.count(10000) != 0) {
    const Figures& f = results[10000];
    double peak = std::max({f.validate.peak_mb, f.full.peak_mb, f.noop.peak_mb});
    std::printf("  10k full build < 2 s: %.3f s %s\n", f.full.seconds, Verdict(f.full.seconds < 2));
    std::printf("  10k no-op build < 0.5 s: %.3f s %s\n", f.noop.seconds, Verdict(f.noop.seconds < 0.5));
    std::printf("  10k peak memory < 200 MB: %.1f MB %s\n", peak, Verdict(peak < 200));
    if (results.count(20000) != 0) {
      const Figures& g = results[20000];
      double ratios[] = {g.validate.seconds / f.validate.seconds, g.full.seconds / f.full.seconds,
                         g.noop.seconds / f.noop.seconds};
      std::printf("  ratio 20k/10k <= 2.2: validate %.2f, build %.2f, no-op build %.2f %s\n", ratios[0],
                  ratios[1], ratios[2],
                  Verdict(*std::max_element(std::begin(ratios), std::end(ratios)) <= 2.2));
    }
  }
  fs::remove_all(Trash(o));
  if (own_work) fs::remove_all(o.work);
  return 0;
}
