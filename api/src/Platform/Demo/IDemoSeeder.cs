namespace Jiebang.Platform.Demo;

/// <summary>A module's demo data. Seeders run in <see cref="Order"/> at start-up when Demo:Seed is true, once per database.</summary>
public interface IDemoSeeder
{
    int Order { get; }

    Task SeedAsync(CancellationToken ct);
}
