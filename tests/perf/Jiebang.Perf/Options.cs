namespace Jiebang.Perf;

/// <summary>Command-line options as --name value pairs.</summary>
internal sealed class Options
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    public static Options Parse(IEnumerable<string> args)
    {
        var options = new Options();
        string? name = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                var eq = arg.IndexOf('=');
                if (eq > 0)
                {
                    options._values[arg[2..eq]] = arg[(eq + 1)..];
                    name = null;
                }
                else
                {
                    name = arg[2..];
                    options._values[name] = "true";
                }
            }
            else if (name is not null)
            {
                options._values[name] = arg;
                name = null;
            }
        }
        return options;
    }

    public string? Get(string name) => _values.TryGetValue(name, out var v) ? v : null;

    public string Get(string name, string fallback) => Get(name) ?? fallback;

    public string Required(string name) => Get(name) ?? throw new ArgumentException($"--{name} is required");
}
