using System.CodeDom.Compiler;
using System.Reflection;
using System.Text.Json;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Messaging;
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
        var assemblies = ModuleIsolationTests.Modules().Append(typeof(Outbox).Assembly).Append(typeof(Program).Assembly).ToList();
        Assert.Contains(assemblies, a => a.GetName().Name == "Jiebang.Challenges");
        var violations = assemblies.SelectMany(DirectPublishes).Distinct().ToList();
        Assert.True(violations.Count == 0, SourceTree.Report(
            "Publish notifications with Write.PublishAsync (Outbox.EnqueueAsync inside the transaction, Outbox.DispatchAsync after " +
            "commit), never with IPublisher or IMediator.Publish",
            violations));
    }

    [Fact]
    public void The_direct_publish_check_sees_a_publish_through_the_publisher_and_through_the_mediator()
    {
        var found = DirectPublishes(typeof(OutboxTests).Assembly).ToList();
        Assert.All(found, f => Assert.Contains("tests/Jiebang.ArchitectureTests/OutboxTests.cs:", f));
        Assert.Contains(found, f => f.Contains($"{nameof(PublishesThroughThePublisher)} calls IPublisher.Publish", StringComparison.Ordinal));
        Assert.Contains(found, f => f.Contains($"{nameof(PublishesThroughTheMediator)} calls ", StringComparison.Ordinal)
                                    && f.Contains(".Publish", StringComparison.Ordinal));
        Assert.Contains(found, f => f.Contains($"{nameof(AsksForThePublisher)} depends on IPublisher", StringComparison.Ordinal));
        Assert.DoesNotContain(found, f => f.Contains(nameof(SendsACommandDirectly), StringComparison.Ordinal));
    }

    /// <summary>
    /// Every type outside the platform's <see cref="Outbox"/> (and the generated mediator) that names <see cref="IPublisher"/> (a constructor parameter,
    /// a field, a service it asks for) or calls Publish on a publisher or the mediator, with file and line.
    /// </summary>
    private static IEnumerable<string> DirectPublishes(Assembly assembly)
    {
        foreach (var reference in IlReferences.Of(assembly))
        {
            if (reference.To == typeof(IPublisher) && !IsOutbox(reference.From))
            {
                yield return $"{reference.Location}: {Outer(reference.From).Name} depends on IPublisher";
            }
        }
        foreach (var (method, member, location) in IlReferences.Uses(assembly))
        {
            if (member is MethodInfo { Name: "Publish" } publish && publish.DeclaringType is { } publisher
                && typeof(IPublisher).IsAssignableFrom(publisher) && !IsOutbox(method.DeclaringType!))
            {
                yield return $"{location}: {Outer(method.DeclaringType!).Name} calls {publisher.Name}.Publish";
            }
        }
    }

    /// <summary>The outbox delivers; the mediator the source generator writes into the host is the publisher itself.</summary>
    private static bool IsOutbox(Type type) =>
        Outer(type) == typeof(Outbox)
        || Outer(type).GetCustomAttribute<GeneratedCodeAttribute>()?.Tool?.StartsWith("Mediator", StringComparison.Ordinal) == true;

    /// <summary>The type a compiler-made one (a lambda's closure, an async state machine) belongs to.</summary>
    private static Type Outer(Type type)
    {
        while (type.DeclaringType is { } outer && type.Name.StartsWith('<'))
        {
            type = outer;
        }
        return type;
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
                yield return $"{location}: {Outer(method.DeclaringType!).Name} sends a command with {sender.Name}.Send";
            }
        }
    }

    /// <summary>What the direct-send check must catch (never run).</summary>
    internal sealed record ProbeCommand : ICommand;

    internal sealed class SendsACommandDirectly(ISender sender)
    {
        public async Task SendAsync() => await sender.Send(new ProbeCommand());
    }

    /// <summary>What the direct-publish check must catch (never run).</summary>
    internal sealed record ProbeNotification : INotification;

    internal sealed class PublishesThroughThePublisher(IPublisher publisher)
    {
        public async Task PublishAsync() => await publisher.Publish(new ProbeNotification());
    }

    internal sealed class PublishesThroughTheMediator(IMediator mediator)
    {
        public async Task PublishAsync() => await mediator.Publish(new ProbeNotification());
    }

    internal sealed class AsksForThePublisher(IServiceProvider services)
    {
        public object Publisher() => services.GetService(typeof(IPublisher))!;
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
