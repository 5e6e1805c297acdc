using System.Reflection;
using System.Text.Json;
using Jiebang.Platform.Errors;
using Mediator;

namespace Jiebang.ArchitectureTests;

/// <summary>
/// Notifications between modules are written to the platform outbox in the transaction of the change that causes them
/// (delivered after commit, and again by the dispatcher if the process died first). These checks keep it that way.
/// </summary>
public sealed class OutboxTests
{
    [Fact]
    public void Modules_never_publish_directly_only_through_the_outbox()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Jiebang.slnx")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("repository root not found");
        }
        var offenders = Directory.EnumerateFiles(Path.Combine(root, "api", "src", "Modules"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("IPublisher", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f))
            .ToList();
        Assert.True(offenders.Count == 0,
            "Publish notifications with Outbox.EnqueueAsync inside the transaction and Outbox.DispatchAsync after commit, not IPublisher: " +
            string.Join(", ", offenders));
    }

    [Fact]
    public void Modules_never_send_a_command_directly_only_through_the_outbox()
    {
        var violations = ModuleIsolationTests.Modules().SelectMany(DirectCommandSends).ToList();
        Assert.True(violations.Count == 0, SourceTree.Report(
            "A command to another module is written with the change (Write.PublishAsync) and delivered by the outbox, never sent directly",
            violations));
    }

    [Fact]
    public void The_direct_send_check_sees_a_command_sent_with_the_sender()
    {
        var found = DirectCommandSends(typeof(OutboxTests).Assembly).ToList();
        var probe = Assert.Single(found);
        Assert.Contains("tests/Jiebang.ArchitectureTests/OutboxTests.cs:", probe);
        Assert.Contains(nameof(SendsACommandDirectly), probe);
    }

    /// <summary>Calls of ISender.Send / IMediator.Send whose message is a command, with file and line.</summary>
    private static IEnumerable<string> DirectCommandSends(Assembly assembly)
    {
        foreach (var (method, member, location) in IlReferences.Uses(assembly))
        {
            if (member is MethodInfo { Name: "Send" } send && send.DeclaringType is { } sender
                && (sender == typeof(ISender) || sender == typeof(IMediator))
                && send.GetParameters().FirstOrDefault()?.ParameterType is { } argument
                && (typeof(IBaseCommand).IsAssignableFrom(argument)
                    || (argument.IsGenericType && argument.GetGenericTypeDefinition() == typeof(ICommand<>))))
            {
                var type = method.DeclaringType!;
                while (type.DeclaringType is { } outer && type.Name.StartsWith('<'))
                {
                    type = outer;
                }
                yield return $"{location}: {type.Name} sends a command with {sender.Name}.Send";
            }
        }
    }

    /// <summary>What the direct-send check must catch (never run).</summary>
    internal sealed record ProbeCommand : ICommand;

    internal sealed class SendsACommandDirectly(ISender sender)
    {
        public async Task SendAsync() => await sender.Send(new ProbeCommand());
    }

    [Fact]
    public void Every_message_between_modules_survives_the_outbox_round_trip()
    {
        var types = ModuleIsolationTests.Contracts().SelectMany(a => a.GetExportedTypes())
            .Where(t => (typeof(INotification).IsAssignableFrom(t) || typeof(ICommand).IsAssignableFrom(t)) && !t.IsAbstract)
            .ToList();
        Assert.NotEmpty(types);
        foreach (var type in types)
        {
            var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
            var sample = constructor.Invoke(constructor.GetParameters().Select((p, i) => Sample(p.ParameterType, i)).ToArray());
            var json = JsonSerializer.Serialize(sample, type, JsonDefaults.Options);
            var back = JsonSerializer.Deserialize(json, type, JsonDefaults.Options);
            Assert.NotNull(back);
            Assert.Equal(json, JsonSerializer.Serialize(back, type, JsonDefaults.Options));
        }
    }

    private static object? Sample(Type type, int seed)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(Guid)) return new Guid(seed + 1, 2, 3, [4, 5, 6, 7, 8, 9, 10, 11]);
        if (underlying == typeof(string)) return $"示例 sample {seed}";
        if (underlying == typeof(int)) return seed + 7;
        if (underlying == typeof(long)) return 1_000_000L + seed;
        if (underlying == typeof(bool)) return seed % 2 == 0;
        if (underlying == typeof(decimal)) return 12.34m + seed;
        if (underlying == typeof(DateTimeOffset)) return new DateTimeOffset(2021, 2, 10, 16, 0, seed, TimeSpan.Zero);
        if (underlying == typeof(DateOnly)) return new DateOnly(2021, 2, 10);
        if (underlying.IsEnum) return Enum.GetValues(underlying).GetValue(Enum.GetValues(underlying).Length - 1);
        if (underlying.IsGenericType && underlying.GetGenericArguments() is [var element]
            && typeof(System.Collections.IEnumerable).IsAssignableFrom(underlying))
        {
            var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
            list.Add(Sample(element, seed + 1));
            list.Add(Sample(element, seed + 2));
            return list;
        }
        var constructor = underlying.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new InvalidOperationException($"No sample for {type}");
        return constructor.Invoke(constructor.GetParameters().Select((p, i) => Sample(p.ParameterType, seed + i)).ToArray());
    }
}
