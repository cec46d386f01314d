// trigc command line: subcommands, flags and exit codes only; the work happens in compiler/driver.
int main() { return 0; }
