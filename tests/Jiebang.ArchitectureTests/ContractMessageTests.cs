using Mediator;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Jiebang.ArchitectureTests;

/// <summary>
/// A contracts project says what each record is by where it stands: commands (ask the owner to change) in Commands.cs,
/// events (facts others subscribe to) in Events.cs, queries in Queries.cs; and every command has exactly one handler, in
/// the module that owns it.
/// </summary>
public sealed class ContractMessageTests
{
    [Fact]
    public void Every_command_has_exactly_one_handler_in_its_owning_module()
    {
        var violations = new List<string>();
        var modules = ModuleIsolationTests.Modules().ToDictionary(m => m.GetName().Name!);
        foreach (var contract in ModuleIsolationTests.Contracts())
        {
            var owner = contract.GetName().Name![..^".Contracts".Length];
            var handlers = modules.Values
                .SelectMany(m => m.GetTypes().Where(t => !t.IsAbstract).SelectMany(t => t.GetInterfaces()
                    .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() is var d && (d == typeof(ICommandHandler<>) || d == typeof(ICommandHandler<,>)))
                    .Select(i => (Module: m.GetName().Name!, Handler: t, Command: i.GetGenericArguments()[0]))))
                .ToList();
            foreach (var command in contract.GetExportedTypes().Where(t => typeof(IBaseCommand).IsAssignableFrom(t) && !t.IsAbstract))
            {
                var found = handlers.Where(h => h.Command == command).DistinctBy(h => h.Handler).ToList();
                if (found.Count != 1 || found[0].Module != owner)
                {
                    var where = found.Count == 0 ? "none" : string.Join(", ", found.Select(h => $"{h.Handler.FullName} in {h.Module}"));
                    violations.Add($"{command.FullName}: handlers {where}; expected one in {owner}");
                }
            }
        }
        Assert.True(violations.Count == 0, SourceTree.Report("Each command is handled once, by the module that owns it", violations));
    }

    [Fact]
    public void Contract_messages_stand_in_the_file_named_for_their_kind()
    {
        var violations = new List<string>();
        var messages = 0;
        foreach (var contract in ModuleIsolationTests.Contracts())
        {
            var name = contract.GetName().Name!;
            var folder = Directory.EnumerateDirectories(SourceTree.Modules, name["Jiebang.".Length..], SearchOption.AllDirectories).Single();
            var declared = SourceTree.Files(folder)
                .SelectMany(f => SourceTree.Parse(f).GetRoot().DescendantNodes().OfType<BaseTypeDeclarationSyntax>())
                .GroupBy(d => d.Identifier.ValueText)
                .ToDictionary(g => g.Key, g => g.ToList());
            foreach (var type in contract.GetExportedTypes())
            {
                var expected = FileFor(type);
                if (expected is null)
                {
                    continue;
                }
                messages++;
                if (!declared.TryGetValue(type.Name, out var declarations))
                {
                    violations.Add($"{type.FullName}: no source declaration found under {SourceTree.Relative(folder)}");
                    continue;
                }
                foreach (var declaration in declarations.Where(d => Path.GetFileName(d.SyntaxTree.FilePath) != expected))
                {
                    violations.Add($"{SourceTree.At(declaration)}: {type.Name} is {Kind(type)}; it belongs in {expected}");
                }
            }
        }
        Assert.True(messages > 0, "no contract messages found");
        Assert.True(violations.Count == 0, SourceTree.Report("Commands in Commands.cs, events in Events.cs, queries in Queries.cs", violations));
    }

    private static string? FileFor(Type type) =>
        typeof(IBaseCommand).IsAssignableFrom(type) ? "Commands.cs"
        : typeof(INotification).IsAssignableFrom(type) ? "Events.cs"
        : typeof(IBaseQuery).IsAssignableFrom(type) || typeof(IBaseRequest).IsAssignableFrom(type) ? "Queries.cs"
        : null;

    private static string Kind(Type type) => FileFor(type) switch
    {
        "Commands.cs" => "a command",
        "Events.cs" => "an event",
        _ => "a query",
    };
}
