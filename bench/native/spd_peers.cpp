// Eigen 3.4 peers for the SPD factor+solve benchmarks (bench/Specialized.Benchmarks).
//
// Each export solves `count` independent systems A_k x_k = b_k laid end to end: A row-major n x n
// (n*n elements per system), b and x n elements per system. The loop over the batch runs here, in
// C++, so the C# caller pays one interop transition per batch, not per system (as in
// ../../../shared/anchors/spd_anchor.cpp).
//
// Return value: 0 when every system factored; k > 0 when k systems were not positive definite
// (their x is whatever Eigen wrote); -1 when n is not one of the compiled fixed sizes or the
// arguments are bad.
#include <Eigen/Dense>
#include <cstddef>

#define SPD_EXPORT extern "C" __attribute__((visibility("default")))

namespace {

template <class T, int N>
int eigen_fixed(int count, const T* A, const T* b, T* x) {
  using Mat = Eigen::Matrix<T, N, N, Eigen::RowMajor>;
  using Vec = Eigen::Matrix<T, N, 1>;
  int failed = 0;
  for (int k = 0; k < count; ++k) {
    Eigen::Map<const Mat> a(A + static_cast<std::ptrdiff_t>(k) * N * N);
    Eigen::Map<const Vec> rhs(b + static_cast<std::ptrdiff_t>(k) * N);
    Eigen::Map<Vec> sol(x + static_cast<std::ptrdiff_t>(k) * N);
    Eigen::LLT<Mat> llt(a);
    sol = llt.solve(rhs);
    failed += llt.info() != Eigen::Success;
  }
  return failed;
}

template <class T>
int eigen_dynamic(int n, int count, const T* A, const T* b, T* x) {
  using Mat = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
  using Vec = Eigen::Matrix<T, Eigen::Dynamic, 1>;
  const std::ptrdiff_t nn = static_cast<std::ptrdiff_t>(n) * n;
  int failed = 0;
  for (int k = 0; k < count; ++k) {
    Eigen::Map<const Mat> a(A + k * nn, n, n);
    Eigen::Map<const Vec> rhs(b + static_cast<std::ptrdiff_t>(k) * n, n);
    Eigen::Map<Vec> sol(x + static_cast<std::ptrdiff_t>(k) * n, n);
    // A fresh LLT per system (it allocates its n x n factor), as `x = A.llt().solve(b)` in the anchor.
    Eigen::LLT<Mat> llt(a);
    sol = llt.solve(rhs);
    failed += llt.info() != Eigen::Success;
  }
  return failed;
}

// The fixed sizes compiled in: the benchmark's N list plus 7 and 18 (the anchor's rows).
#define SPD_FIXED_SIZES(X) \
  X(1) X(2) X(3) X(4) X(5) X(6) X(7) X(8) X(10) X(12) X(16) X(18) X(24) X(32)

template <class T>
int eigen_fixed_dispatch(int n, int count, const T* A, const T* b, T* x) {
  if (count < 0 || (count > 0 && (!A || !b || !x))) return -1;
  switch (n) {
#define SPD_CASE(N) case N: return eigen_fixed<T, N>(count, A, b, x);
    SPD_FIXED_SIZES(SPD_CASE)
#undef SPD_CASE
    default: return -1;
  }
}

template <class T>
int eigen_dynamic_checked(int n, int count, const T* A, const T* b, T* x) {
  if (n < 1 || count < 0 || (count > 0 && (!A || !b || !x))) return -1;
  return eigen_dynamic<T>(n, count, A, b, x);
}

}  // namespace

SPD_EXPORT int spd_eigen_fixed_d(int n, int count, const double* A, const double* b, double* x) {
  return eigen_fixed_dispatch<double>(n, count, A, b, x);
}
SPD_EXPORT int spd_eigen_fixed_f(int n, int count, const float* A, const float* b, float* x) {
  return eigen_fixed_dispatch<float>(n, count, A, b, x);
}
SPD_EXPORT int spd_eigen_dynamic_d(int n, int count, const double* A, const double* b, double* x) {
  return eigen_dynamic_checked<double>(n, count, A, b, x);
}
SPD_EXPORT int spd_eigen_dynamic_f(int n, int count, const float* A, const float* b, float* x) {
  return eigen_dynamic_checked<float>(n, count, A, b, x);
}
// 1 when n has a fixed-size instantiation, else 0.
SPD_EXPORT int spd_eigen_fixed_has(int n) {
  switch (n) {
#define SPD_CASE(N) case N: return 1;
    SPD_FIXED_SIZES(SPD_CASE)
#undef SPD_CASE
    default: return 0;
  }
}
// EIGEN_WORLD_VERSION * 10000 + MAJOR * 100 + MINOR, e.g. 30400 for 3.4.0.
SPD_EXPORT int spd_eigen_version() {
  return EIGEN_WORLD_VERSION * 10000 + EIGEN_MAJOR_VERSION * 100 + EIGEN_MINOR_VERSION;
}
