using Mediator;

namespace Jiebang.Applications.Contracts;

// What other modules ask the Applications module to change, delivered through the outbox after their own change
// commits; handling one twice changes nothing.


/// <summary>After publication (公示) the application was selected (from Review).</summary>
public sealed record MarkApplicationSelected(Guid ApplicationId, Guid RoundId) : ICommand;

/// <summary>After publication the application was not selected (from Review).</summary>
public sealed record MarkApplicationNotSelected(Guid ApplicationId, Guid RoundId, string Reason) : ICommand;

/// <summary>An R&amp;D agreement was signed for the application (from Funding).</summary>
public sealed record MarkApplicationContracted(Guid ApplicationId, Guid AgreementId) : ICommand;
