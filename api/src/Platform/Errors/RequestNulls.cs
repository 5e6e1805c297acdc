using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Jiebang.Platform.Errors;

/// <summary>
/// Request bodies may not put null where the request type says a value is never null: a property declared non-nullable
/// (<c>List&lt;Milestone&gt; Milestones</c>) or an element of a collection of non-nullable items. Such a body is refused as
/// malformed (400) while it is read, before any handler could trip over the null. Only reading is affected.
/// </summary>
public static class RequestNulls
{
    public static void Refuse(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object || type.Type.Namespace?.StartsWith("Jiebang.", StringComparison.Ordinal) != true)
        {
            return;
        }
        var context = new NullabilityInfoContext();
        foreach (var property in type.Properties)
        {
            if (property.Set is not { } set || property.AttributeProvider is not PropertyInfo info || info.PropertyType.IsValueType)
            {
                continue;
            }
            var nullability = context.Create(info);
            var notNull = nullability.WriteState == NullabilityState.NotNull;
            var element = nullability.ElementType ?? nullability.GenericTypeArguments.FirstOrDefault();
            var elementsNotNull = info.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(info.PropertyType)
                                  && element is { ReadState: NullabilityState.NotNull } && !element.Type.IsValueType;
            if (!notNull && !elementsNotNull)
            {
                continue;
            }
            var name = property.Name;
            property.Set = (target, value) =>
            {
                if (value is null && notNull)
                {
                    throw BodyFieldException.Of(name, $"{name} 不能为 null", $"{name} may not be null");
                }
                if (elementsNotNull && value is IEnumerable items && items.Cast<object?>().Any(i => i is null))
                {
                    throw BodyFieldException.Of(name, $"{name} 的元素不能为 null", $"{name} may not contain null");
                }
                set(target, value);
            };
        }
    }
}
