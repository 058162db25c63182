// Empty translation unit: see core/lang/CMakeLists.txt (only used while core/ has no sources).
namespace taskscope::core::detail {
int placeholderSymbol() {
    return 0;
}
}  // namespace taskscope::core::detail
