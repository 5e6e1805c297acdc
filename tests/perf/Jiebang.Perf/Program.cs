using Jiebang.Perf;

// bench: generate data, start the host and the baseline, drive the scenarios, write the report.
// baseline: the raw minimal-API server that bench starts as a separate process.
var verb = args.Length > 0 ? args[0] : "";
var options = Options.Parse(args.Skip(1));
return verb switch
{
    "bench" => await Bench.RunAsync(options),
    "baseline" => await Baseline.RunAsync(options),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage:
          Jiebang.Perf bench [--profile S|M|L] [--providers sqlite,postgres] [--duration SECONDS] [--out artifacts/perf]
                             [--postgres ADMIN_CONNECTION] (default: $JIEBANG_TEST_POSTGRES; postgres is skipped without one)
          Jiebang.Perf baseline --urls URL --provider sqlite|postgres --connection CONNECTION_STRING
        """);
    return 2;
}
