namespace Jiebang.Challenges.Views;

/// <summary>A programme of challenge calls.</summary>
internal sealed class Programme
{
    public Guid Id { get; init; }
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public string? NameEn { get; init; }
    public string OperatorName { get; init; } = "";
    public string? Description { get; init; }
    public int TargetConsortia { get; init; }
    public int TargetYear { get; init; }
    public bool IsDemo { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public int Version { get; init; }
}
