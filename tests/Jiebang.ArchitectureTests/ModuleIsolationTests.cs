using System.Reflection;

namespace Jiebang.ArchitectureTests;

/// <summary>
/// Modules talk only through each other's Contracts assemblies, and keep everything internal except their
/// registration. Module assemblies are found from the host, so a new module is checked the day it is added.
/// </summary>
public sealed class ModuleIsolationTests
{
    private static readonly string[] Shared = ["Jiebang.Host", "Jiebang.Platform", "Jiebang.Migrations"];

    private static IReadOnlyList<Assembly> JiebangAssemblies() =>
        typeof(Program).Assembly.GetReferencedAssemblies()
            .Where(a => a.Name!.StartsWith("Jiebang.", StringComparison.Ordinal))
            .Select(Assembly.Load)
            .ToList();

    public static IReadOnlyList<Assembly> Modules() =>
        JiebangAssemblies().Where(a => !Shared.Contains(a.GetName().Name) && !a.GetName().Name!.EndsWith(".Contracts", StringComparison.Ordinal)).ToList();

    public static IReadOnlyList<Assembly> Contracts() =>
        JiebangAssemblies().Where(a => a.GetName().Name!.EndsWith(".Contracts", StringComparison.Ordinal)).ToList();

    [Fact]
    public void The_host_carries_the_modules_the_design_names_so_far()
    {
        var names = Modules().Select(a => a.GetName().Name).ToList();
        Assert.Contains("Jiebang.Challenges", names);
        Assert.All(names, n => Assert.Contains(Contracts(), c => c.GetName().Name == n + ".Contracts"));
    }

    [Fact]
    public void No_module_references_another_module_only_its_contracts()
    {
        var modules = Modules().Select(m => m.GetName().Name!).ToHashSet();
        foreach (var module in Modules())
        {
            var referenced = module.GetReferencedAssemblies().Select(r => r.Name!).Where(modules.Contains).ToList();
            Assert.True(referenced.Count == 0, $"{module.GetName().Name} references {string.Join(", ", referenced)}; use their .Contracts instead.");
        }
    }

    [Fact]
    public void Contracts_reference_neither_modules_nor_the_platform()
    {
        var forbidden = Modules().Select(m => m.GetName().Name!).Append("Jiebang.Platform").Append("Jiebang.Host").ToHashSet();
        foreach (var contract in Contracts())
        {
            var referenced = contract.GetReferencedAssemblies().Select(r => r.Name!).Where(forbidden.Contains).ToList();
            Assert.True(referenced.Count == 0, $"{contract.GetName().Name} references {string.Join(", ", referenced)}.");
        }
    }

    [Fact]
    public void Module_types_are_internal_except_the_registration()
    {
        foreach (var module in Modules())
        {
            var exposed = module.GetExportedTypes().Select(t => t.FullName!).ToList();
            var name = module.GetName().Name!["Jiebang.".Length..];
            Assert.Equal([$"Jiebang.{name}.{name}Module"], exposed);
        }
    }

    [Fact]
    public void Contracts_expose_only_records_enums_and_static_helpers_in_their_contracts_namespace()
    {
        foreach (var contract in Contracts())
        {
            foreach (var type in contract.GetExportedTypes())
            {
                Assert.StartsWith(contract.GetName().Name!, type.Namespace);
                var isRecord = type.GetMethod("<Clone>$") is not null;
                Assert.True(type.IsEnum || isRecord || (type.IsAbstract && type.IsSealed), $"{type.FullName} is neither a record, an enum nor a static class");
            }
        }
    }
}
