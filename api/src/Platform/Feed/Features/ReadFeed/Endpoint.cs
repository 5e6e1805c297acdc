using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Dapper;
using FastEndpoints;
using FluentValidation;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;

namespace Jiebang.Platform.Feed.Features.ReadFeed;

/// <summary>从何处继续、返回多少条 / Where to continue and how many events to return.</summary>
public sealed class Request
{
    /// <summary>上一页返回的 next 游标；省略则从头开始 / The `next` cursor of the previous page; omit it to start from the beginning.</summary>
    public string? After { get; set; }

    /// <summary>每页事件数，1–500（默认 100）/ Events per page, 1 to 500 (default 100).</summary>
    public int Limit { get; set; } = 100;
}

/// <summary>一条变更，按订阅的稳定顺序排列 / One change, in the feed's stable order.</summary>
public sealed class FeedItem
{
    /// <summary>本事件的不透明游标：作为 after 传入即从其后继续 / Opaque cursor of this event: pass it as `after` to continue right after it.</summary>
    public required string Cursor { get; init; }
    /// <summary>
    /// 事件类型及其 data 键 / The event type and the keys of its data (a string, not an enum: clients generated with
    /// System.Text.Json cannot read dotted enum values, and new types are added): challenge.published (code, title, field,
    /// batch, status); challenge.status_changed (code, title, from, status); batch.window_opened and batch.window_closed
    /// (code, opensAt, closesAt); application.status_changed (code, challengeId, from, status); review.round_publicised
    /// (name, kind, objectionsCloseAt); agreement.signed (code, applicationId, challengeId, commitmentFen);
    /// organisation.corrected (creditCode, version).
    /// </summary>
    public required string Type { get; init; }
    /// <summary>资源类型（challenge、batch、application、review_round、agreement、organisation）/ The kind of resource (challenge, batch, application, review_round,
    /// agreement, organisation).</summary>
    public required string ResourceType { get; init; }
    /// <summary>资源标识 / The resource's id.</summary>
    public required Guid ResourceId { get; init; }
    /// <summary>
    /// 变更发生时间（UTC）。请按游标顺序处理事件，不要按此时间排序：事件在提交后才取得位置，时间相同或较早的事件可能排在后面 /
    /// When the change happened (UTC). Process events in cursor order, never by this time: an event gets its position when
    /// its transaction commits, so an earlier or equal time may come later in the feed.
    /// </summary>
    public required DateTimeOffset OccurredAt { get; init; }
    /// <summary>描述变更的少量字段（键随 type 而定，见 FeedType），其余请读取资源 / A few fields that describe the change (keys depend on type: see FeedType); fetch the resource
    /// for the rest.</summary>
    public required IReadOnlyDictionary<string, string> Data { get; init; }
}

/// <summary>一页事件：沿 next 翻页直到 hasMore 为 false，之后用同一 next 轮询 / A page of events; follow `next` until `hasMore` is false, then poll with the same `next`
/// later.</summary>
public sealed class FeedPage
{
    /// <summary>本页事件，按游标顺序 / The events of this page, in cursor order.</summary>
    public required IReadOnlyList<FeedItem> Items { get; init; }
    /// <summary>下一页作为 after 传入的游标（无新事件时不变）/ Cursor to pass as `after` for the following page (unchanged when there were no new events).</summary>
    public required string Next { get; init; }
    /// <summary>是否还有更多事件 / Whether more events follow right away.</summary>
    public required bool HasMore { get; init; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.Limit).InclusiveBetween(1, 500);
        RuleFor(x => x.After).MaximumLength(100)
            .Must(a => a is null || FeedCursor.TryParse(a, out _))
            .WithMessage("游标无效，请使用上一页返回的 next / The cursor is not one this feed returned; pass the previous page's next.");
    }
}

/// <summary>Cursors are opaque to callers: a version tag and the position, base64url encoded.</summary>
internal static class FeedCursor
{
    private const string Prefix = "jbf1:";

    public static string Of(long position) => Base64Url.EncodeToString(Encoding.ASCII.GetBytes(Prefix + position));

    public static bool TryParse(string cursor, out long position)
    {
        position = 0;
        try
        {
            var text = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor));
            return text.StartsWith(Prefix, StringComparison.Ordinal)
                   && long.TryParse(text.AsSpan(Prefix.Length), System.Globalization.NumberStyles.None, null, out position)
                   && position >= 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

internal sealed class Row
{
    public long Position { get; set; }
    public string Type { get; set; } = "";
    public string ResourceType { get; set; } = "";
    public Guid ResourceId { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public string Payload { get; set; } = "{}";
}

internal sealed class Endpoint(DbConnectionFactory db, FeedSequencer sequencer) : Endpoint<Request, FeedPage>
{
    public override void Configure()
    {
        Get("/api/v1/feed");
        AllowAnonymous();
        Description(b => b.Api("Feed_Read", "Platform",
                "变更订阅：按稳定顺序返回调用方可见的事件，以游标续读 / The change feed: events the caller may see, in a stable order, continued by cursor",
                "An event reaches a caller only if the caller may open its resource. Public: challenge published or changed, application " +
                "window opened or closed. Application status changed: the applicant users of the lead and the members and the district keys " +
                "covering any of them. Review round publicised and agreement signed: the issuer and applicant users of the parties (no " +
                "district key). The task force and auditors receive every event. Each event is written in the same transaction as the " +
                "change; no event is skipped or repeated across pages, even while writes go on.")
            .Ok<FeedPage>().Problems(400, 401), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        await sequencer.SequenceAsync(ct);
        var after = req.After is null ? 0 : FeedCursor.TryParse(req.After, out var p) ? p : 0;
        var caller = User.Caller();
        // The audience each module stated when it wrote the event (see FeedAudience): a district key is connected to the
        // organisations registered inside its district, a person to its own organisation, each only in its own role.
        var visible = caller switch
        {
            { ReadsEverything: true } => "",
            { IsDistrict: true, DistrictCode.Length: > 0 } => Data.VisibleToDistrict,
            { OrganisationId: not null, Role: not null } => Data.VisibleToOrganisation,
            _ => Data.PublicOnly,
        };
        await using var connection = await db.OpenAsync(ct);
        var rows = (await connection.QueryAsync<Row>(Data.Page(visible, db.Dialect.Page), new
        {
            After = after,
            True = true,
            Region = caller.DistrictCode + "%",
            Organisation = caller.OrganisationId,
            caller.Role,
            Skip = 0,
            Take = req.Limit + 1,
        })).AsList();

        var page = rows.Take(req.Limit).Select(r => new FeedItem
        {
            Cursor = FeedCursor.Of(r.Position),
            Type = r.Type,
            ResourceType = r.ResourceType,
            ResourceId = r.ResourceId,
            OccurredAt = r.OccurredAt,
            Data = JsonSerializer.Deserialize<Dictionary<string, string>>(r.Payload, JsonDefaults.Options) ?? [],
        }).ToList();
        await Send.OkAsync(new FeedPage
        {
            Items = page,
            Next = page.Count > 0 ? page[^1].Cursor : FeedCursor.Of(after),
            HasMore = rows.Count > req.Limit,
        }, ct);
    }
}
