using FastEndpoints;
using FluentValidation;
using Jiebang.Challenges.Domain;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Http;
using Mediator;

namespace Jiebang.Challenges.Features.Shared;

/// <summary>An optional note recorded with a state change.</summary>
internal sealed class ReasonRequest
{
    public string? Reason { get; set; }
}

internal sealed class ReasonRequestValidator : Validator<ReasonRequest>
{
    public ReasonRequestValidator() => RuleFor(x => x.Reason).MaximumLength(2000);
}

/// <summary>The shape shared by every lifecycle action on one challenge: the slice says who may act and which move it is.</summary>
internal abstract class TransitionEndpoint<TRequest>(ChallengeTransitions transitions) : Endpoint<TRequest, ChallengeDetail>
    where TRequest : notnull
{
    protected abstract ChallengeAction Action { get; }

    protected abstract bool MayAct(Caller caller, ChallengeRow row);

    protected abstract string? ReasonOf(TRequest req);

    /// <summary>Notifications to other modules that the move causes (written to the outbox in its transaction).</summary>
    protected virtual IMessage[] Notifications(ChallengeDetail detail) => [];

    protected void Document(string route, string role, string operationId, string summary)
    {
        Post(route);
        Roles(role);
        Description(b => b.Api(operationId, "Challenges", summary)
            .Body<TRequest>().IfMatch(required: false).Ok<ChallengeDetail>().ETag().Problems(400, 401, 403, 404, 409, 412).Codes(409, "challenge.invalid_transition"), clearDefaults: true);
    }

    public override async Task HandleAsync(TRequest req, CancellationToken ct)
    {
        var caller = User.Caller();
        var result = await transitions.ApplyAsync(Route<Guid>("id"), Action, caller, row => MayAct(caller, row),
            Versioning.Parse(HttpContext.Request.Headers.IfMatch), ReasonOf(req), ct, Notifications);
        if (result.Problem(Action) is { } problem)
        {
            await Send.ResultAsync(problem);
            return;
        }
        HttpContext.Response.Headers.ETag = Versioning.ETag(result.Detail!.Version);
        await Send.OkAsync(result.Detail, ct);
    }
}
