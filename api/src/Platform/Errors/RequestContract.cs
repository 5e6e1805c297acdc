using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;

namespace Jiebang.Platform.Errors;

/// <summary>
/// Request bodies must carry every property the OpenAPI document marks required. The document marks a property required
/// exactly when its type says it is never null (a value type that is not <c>Nullable</c>, or a reference type declared
/// non-nullable: Swashbuckle's <c>NonNullableReferenceTypesAsRequired</c>), so the reader requires the same properties, in
/// nested objects and list elements too. A body that leaves one out is refused with every missing field named, instead of
/// being read with the property's default (an application stored with all declarations false). Only reading is affected.
/// </summary>
public static class RequestContract
{
    // Which required properties each object being read has received so far; the entry lives as long as the object does.
    private static readonly ConditionalWeakTable<object, HashSet<string>> Received = new();

    public static void Require(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object || type.Type.IsValueType
            || type.Type.Namespace?.StartsWith("Jiebang.", StringComparison.Ordinal) != true)
        {
            return;
        }
        var context = new NullabilityInfoContext();
        var required = new List<string>();
        foreach (var property in type.Properties)
        {
            if (property.Set is not { } set || property.IsExtensionData || property.AttributeProvider is not PropertyInfo info
                || !NeverNull(context, info))
            {
                continue;
            }
            if (property.AssociatedParameter is not null)
            {
                // Filled through the constructor, never through the setter: the reader's own check applies.
                property.IsRequired = true;
                continue;
            }
            var name = property.Name;
            required.Add(name);
            property.Set = (target, value) =>
            {
                if (Received.TryGetValue(target, out var received))
                {
                    received.Add(name);
                }
                set(target, value);
            };
        }
        if (required.Count == 0)
        {
            return;
        }
        var deserializing = type.OnDeserializing;
        type.OnDeserializing = target =>
        {
            Received.AddOrUpdate(target, new HashSet<string>(StringComparer.Ordinal));
            deserializing?.Invoke(target);
        };
        var deserialized = type.OnDeserialized;
        type.OnDeserialized = target =>
        {
            if (Received.TryGetValue(target, out var received))
            {
                Received.Remove(target);
                var missing = required.Where(r => !received.Contains(r)).ToList();
                if (missing.Count > 0)
                {
                    throw new BodyFieldException(
                        missing.Select(m => new BodyFieldException.Field(m, BodyErrors.MissingMessage(m))).ToList(), atProperty: false);
                }
            }
            deserialized?.Invoke(target);
        };
    }

    private static bool NeverNull(NullabilityInfoContext context, PropertyInfo info) =>
        info.PropertyType.IsValueType
            ? Nullable.GetUnderlyingType(info.PropertyType) is null
            : context.Create(info).WriteState == NullabilityState.NotNull;
}
