// A fixed pool of worker threads over an index range, for stages whose items are independent (one pipeline
// file each). Results go into per-index slots, so everything downstream stays in index order whatever the
// thread timing.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace trigc::driver {

/// Number of workers for `items` independent items: one per hardware thread, at most one per
/// `min_per_worker` items (threads cost more than tiny batches save), at least one.
inline size_t WorkerCount(size_t items, size_t min_per_worker = 16) {
  size_t hardware = std::max<size_t>(1, std::thread::hardware_concurrency());
  return std::max<size_t>(1, std::min(hardware, items / std::max<size_t>(1, min_per_worker)));
}

/// Calls `work(i)` once for every i in [0, count), spread over `workers` threads (the caller's included).
/// `work` must only touch state of item i, or state that is safe to share between threads. An exception
/// stops the remaining items and is rethrown here (the one of the lowest item when several throw).
template <typename Work>
void ParallelFor(size_t count, size_t workers, const Work& work) {
  std::atomic<size_t> next{0};
  std::mutex failure_mutex;
  size_t failed_item = count;
  std::exception_ptr failure;
  auto loop = [&] {
    for (size_t i = next++; i < count; i = next++) {
      try {
        work(i);
      } catch (...) {
        std::lock_guard<std::mutex> lock(failure_mutex);
        if (i < failed_item) failed_item = i, failure = std::current_exception();
        next = count;
      }
    }
  };
  std::vector<std::thread> threads;
  for (size_t w = 1; w < std::min(workers, count); ++w) threads.emplace_back(loop);
  loop();
  for (std::thread& t : threads) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace trigc::driver
