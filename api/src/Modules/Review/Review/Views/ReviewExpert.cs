using Jiebang.Challenges.Contracts;

namespace Jiebang.Review.Views;

/// <summary>
/// A person the expert declared a conflict of interest with (a relative, a student, a close collaborator): a name and, when
/// known, the organisation.
/// </summary>
internal sealed class PersonConflict
{
    public string Name { get; set; } = "";
    /// <summary>Without it the name alone matches, at any organisation.</summary>
    public Guid? OrganisationId { get; set; }
}

/// <summary>An expert profile in the pool (专家库).</summary>
internal sealed class ReviewExpert
{
    public required Guid Id { get; init; }
    /// <summary>The user signed in as this expert, once linked.</summary>
    public Guid? UserId { get; init; }
    public required string Name { get; init; }
    public required string Title { get; init; }
    public required List<ChallengeField> Fields { get; init; }
    /// <summary>The organisation the expert works for; never assigned to its items.</summary>
    public Guid? AffiliationOrganisationId { get; init; }
    /// <summary>Organisations the expert declared a conflict of interest with.</summary>
    public required List<Guid> DeclaredConflicts { get; init; }
    /// <summary>People the expert declared a conflict of interest with; never assigned to an item whose project lead or team names them.</summary>
    public required List<PersonConflict> DeclaredPersonConflicts { get; init; }
    public required bool Active { get; init; }
    public required int Version { get; init; }
}
