using System.Collections.Generic;
using System.Linq;
using Strata.Generators.Model;
using static Strata.Generators.Emitting.TypeDeclarationWriter;

namespace Strata.Generators.Emitting;

/// <summary>
/// Writes the generated part of one config class: the partial property implementations (frozen check, explicit or
/// implicit record, child linking), the schema (<c>TypeInfo</c>) and the lifecycle hook overrides.
/// </summary>
internal sealed class ConfigEmitter
{
    private const string Schema = "global::Strata.Schema.";
    private readonly ConfigClassModel _model;
    private readonly SourceWriter _writer = new();
    private readonly string _self;

    private ConfigEmitter(ConfigClassModel model)
    {
        _model = model;
        _self = model.Declaration.FullyQualifiedName;
    }

    public static string Emit(ConfigClassModel model) => new ConfigEmitter(model).Write();

    private string Write()
    {
        var declaration = _model.Declaration;
        _writer.WriteLine(Header);
        _writer.WriteLine("#nullable enable");
        _writer.WriteLine();
        WriteFileScopedNamespace(_writer, declaration);
        OpenContainers(_writer, declaration, namespaceBlock: false);

        var bases = _model.BaseConfig is null
            ? "global::Strata.ConfigObject, global::Strata.IConfig<" + _self + ">"
            : "global::Strata.IConfig<" + _self + ">";
        _writer.OpenBlock("partial class " + Identifier(declaration.Name) + " : " + bases);

        for (var i = 0; i < _model.Fields.Count; i++)
        {
            WriteField(_model.Fields[i], i);
            _writer.WriteLine();
        }

        foreach (var property in _model.InvalidProperties)
        {
            WritePlainProperty(property);
            _writer.WriteLine();
        }

        WriteSchema();
        WriteHook(_model.ProvideBaseLayers, "ProvideBaseLayers", "OnProvideBaseLayers", "global::Strata.BaseLayerContext", "context");
        WriteHook(_model.Prepare, "Prepare", "OnPrepare", "global::Strata.PrepareContext", "context");
        WriteHook(_model.Derive, "Derive", "OnDerive", "global::Strata.DeriveContext", "context");
        WriteHook(_model.Validate, "Validate", "OnValidate", "global::Strata.ValidationScope", "scope");

        _writer.CloseBlock();
        CloseContainers(_writer, declaration, namespaceBlock: false);
        return _writer.ToString();
    }

    private void WriteField(FieldModel field, int index)
    {
        var property = field.Property;
        var name = Identifier(property.Name);
        _writer.OpenBlock(property.Modifiers + " " + property.TypeName + " " + name);

        var getter = Accessor(property.GetterModifiers, "get");
        if (field.CreatesDefaultChild)
        {
            // The child is created on first read and linked like an assigned one; it stays implicit (never serialized).
            _writer.OpenBlock(getter);
            _writer.OpenBlock("if (field is null)");
            _writer.WriteLine("field = new " + property.TypeName + "();");
            _writer.WriteLine("AttachChild(field, " + Literals.String(field.Key) + ");");
            _writer.CloseBlock();
            _writer.WriteLine();
            _writer.WriteLine("return field;");
            _writer.CloseBlock();
        }
        else if (field.IsConfig)
        {
            // Reading a child config is a step towards its fields, not an input of a derived value: not noted. A child its
            // initializer made (`= new()`) is linked on its first read, so that a hook reading through it is noted.
            _writer.OpenBlock(getter);
            _writer.WriteLine("LinkChild(field, " + Literals.String(field.Key) + ");");
            _writer.WriteLine("return field;");
            _writer.CloseBlock();
        }
        else if (field.ValueType.HoldsConfig)
        {
            // Reading a list of child configs is a step towards their fields, not an input of a derived value: not noted.
            _writer.WriteLine(getter + " => field;");
        }
        else
        {
            // While a hook runs, the read is noted as an input of the next value it sets (one null test otherwise).
            _writer.OpenBlock(getter);
            _writer.WriteLine("NoteRead(s_fieldBase + " + Literals.Int(index) + ");");
            _writer.WriteLine("return field;");
            _writer.CloseBlock();
        }

        _writer.OpenBlock(Accessor(property.SetterModifiers, "set"));
        _writer.OpenBlock("if (BeginSet(s_fieldBase + " + Literals.Int(index) + ", global::System.Collections.Generic.EqualityComparer<" + property.TypeName + ">.Default.Equals(field, value)))");
        _writer.WriteLine("field = value;");
        if (field.IsConfig)
        {
            _writer.WriteLine("AttachChild(value, " + Literals.String(field.Key) + ");");
        }

        _writer.CloseBlock();
        _writer.CloseBlock();
        _writer.CloseBlock();
    }

    /// <summary>Implements a partial property that cannot be a field, so that the generator's diagnostic is the only error.</summary>
    private void WritePlainProperty(PropertyModel property)
    {
        _writer.OpenBlock(property.Modifiers + " " + property.TypeName + " " + Identifier(property.Name));
        _writer.WriteLine(Accessor(property.GetterModifiers, "get") + " => field;");
        if (property.SetterKeyword is not null)
        {
            _writer.WriteLine(Accessor(property.SetterModifiers, property.SetterKeyword) + " => field = value;");
        }

        _writer.CloseBlock();
    }

    private void WriteSchema()
    {
        var typeInfo = Schema + "ConfigTypeInfo<" + _self + ">";
        var fieldBase = _model.BaseConfig is null ? "0" : _model.BaseConfig + ".TypeInfo.Fields.Count";
        if (!_model.Fields.IsEmpty)
        {
            _writer.WriteLine("private static readonly int s_fieldBase = " + fieldBase + ";");
        }

        _writer.WriteLine("private static " + typeInfo + "? s_typeInfo;");
        _writer.WriteLine();
        _writer.WriteLine("/// <summary>The schema of <see cref=\"" + Identifier(_model.Declaration.Name) + "\"/>.</summary>");
        _writer.WriteLine("public static " + (_model.BaseConfig is null ? string.Empty : "new ") + typeInfo + " TypeInfo =>");
        _writer.Indent();
        _writer.WriteLine("s_typeInfo ?? global::System.Threading.Interlocked.CompareExchange(ref s_typeInfo, CreateTypeInfo(), null) ?? s_typeInfo;");
        _writer.Unindent();
        _writer.WriteLine();
        _writer.WriteLine("/// <inheritdoc />");
        _writer.WriteLine("public override " + Schema + "ConfigTypeInfo ConfigType => TypeInfo;");
        _writer.WriteLine();

        var factory = _model.IsAbstract ? "null" : "static () => new " + _self + "()";
        var baseTypeInfo = _model.BaseConfig is null ? "null" : _model.BaseConfig + ".TypeInfo";
        _writer.WriteLine("private static " + typeInfo + " CreateTypeInfo() => new(" + Literals.String(_model.Declaration.Name) + ", " + factory + ", " + baseTypeInfo + ")");
        _writer.OpenBlock();
        WriteOptional("Description", _model.Description);
        WriteOptional("TypeName", _model.TypeName);
        if (_model.IsAbstract)
        {
            _writer.WriteLine("IsAbstract = true,");
        }

        if (_model.ProvideBaseLayers.Shape != HookShape.None)
        {
            _writer.WriteLine("ProvidesBaseLayers = true,");
        }

        WriteFieldTable();
        WriteDerivedTable();
        WriteRenames();
        WriteRemovedKeys();
        _writer.WriteLine("SubtypeFactory = static () => StrataSubtypes(),");
        _writer.WriteLine("DeepDeclarations = StrataDeepDeclarations(),");
        _writer.CloseBlock(";");
        _writer.WriteLine();
        _writer.WriteLine("private static partial " + Schema + "ConfigSubtype[] StrataSubtypes();");
        _writer.WriteLine();
        _writer.WriteLine("private static partial " + Schema + "DeepDeclarations StrataDeepDeclarations();");
        WriteAccessField();
    }

    /// <summary>
    /// Writes the switch that hands each field's value, by its static type, to an engine operation: the engine needs no
    /// generic descriptor per class and field. Binding reads only a default child the config owns, to bind into it.
    /// </summary>
    private void WriteAccessField()
    {
        if (_model.Fields.IsEmpty && _model.BaseConfig is not null)
        {
            return;
        }

        _writer.WriteLine();
        _writer.WriteLine("/// <inheritdoc />");
        _writer.OpenBlock("protected override void AccessField(int index, ref " + Schema + "FieldAccess access)");
        if (_model.Fields.IsEmpty)
        {
            _writer.CloseBlock();
            return;
        }

        _writer.OpenBlock("switch (index - s_fieldBase)");
        for (var i = 0; i < _model.Fields.Count; i++)
        {
            var name = "this." + Identifier(_model.Fields[i].Property.Name);
            _writer.WriteLine("case " + Literals.Int(i) + ":");
            _writer.OpenBlock();
            _writer.WriteLine("var value = " + (_model.Fields[i].OwnsDefault ? name : "access.ReadsValue ? " + name + " : default!") + ";");
            _writer.OpenBlock("if (access.Apply(ref value, access.Other is " + _self + " other ? other." + Identifier(_model.Fields[i].Property.Name) + " : default!))");
            _writer.WriteLine(name + " = value;");
            _writer.CloseBlock();
            _writer.WriteLine();
            _writer.WriteLine("return;");
            _writer.CloseBlock();
        }

        _writer.WriteLine("default:");
        _writer.Indent();
        _writer.WriteLine(_model.BaseConfig is null ? "return;" : "base.AccessField(index, ref access);");
        if (_model.BaseConfig is not null)
        {
            _writer.WriteLine("return;");
        }

        _writer.Unindent();
        _writer.CloseBlock();
        _writer.CloseBlock();
    }

    private void WriteFieldTable()
    {
        if (_model.Fields.IsEmpty)
        {
            return;
        }

        _writer.WriteLine("DeclaredFields = new " + Schema + "ConfigFieldInfo[]");
        _writer.OpenBlock();
        foreach (var field in _model.Fields)
        {
            var hint = field.Hint.StartsWith("(", System.StringComparison.Ordinal) ? field.Hint : "global::Strata.FieldHint." + field.Hint;
            var arguments = new List<string>
            {
                Literals.String(field.Key),
                Literals.String(field.Property.Name),
                hint,
                Expressions.ValueType(field.ValueType),
            };
            arguments.AddRange(field.Rules.Select(Expressions.Rule));
            var creation = "new " + Schema + "ConfigFieldInfo(" + string.Join(", ", arguments) + ")";

            var initializers = new List<string>();
            AddInitializer(initializers, "Description", field.Description);
            AddInitializer(initializers, "IsArchitecture", field.IsArchitecture);
            AddInitializer(initializers, "IsSecret", field.IsSecret);
            AddInitializer(initializers, "IsRankLocal", field.IsRankLocal);
            AddInitializer(initializers, "DerivedDefault", field.DerivedDefault);
            AddInitializer(initializers, "EnvironmentVariable", field.EnvironmentVariable);
            WriteCreation(creation, initializers);
        }

        _writer.CloseBlock(",");
    }

    private void WriteDerivedTable()
    {
        if (_model.DerivedFields.IsEmpty)
        {
            return;
        }

        _writer.WriteLine("DeclaredDerivedFields = new " + Schema + "ConfigDerivedInfo[]");
        _writer.OpenBlock();
        foreach (var derived in _model.DerivedFields)
        {
            var creation = "new " + Schema + "ConfigDerivedInfo<" + _self + ", " + derived.TypeName + ">("
                + Literals.String(derived.Key) + ", " + Literals.String(derived.PropertyName) + ", "
                + Expressions.ValueType(derived.ValueType) + ", static c => c." + Identifier(derived.PropertyName) + ")";
            var initializers = new List<string>();
            AddInitializer(initializers, "Description", derived.Description);
            WriteCreation(creation, initializers);
        }

        _writer.CloseBlock(",");
    }

    private void WriteRenames()
    {
        if (_model.Renames.IsEmpty)
        {
            return;
        }

        _writer.WriteLine("Renames = new global::Strata.RenamedFromAttribute[]");
        _writer.OpenBlock();
        foreach (var rename in _model.Renames)
        {
            var initializers = new List<string>();
            AddInitializer(initializers, "Converter", rename.Converter);
            WriteCreation("new(" + Literals.String(rename.OldPath) + ", " + Literals.String(rename.NewPath) + ")", initializers);
        }

        _writer.CloseBlock(",");

        var converters = _model.Renames.Where(static r => r.Converter is not null).ToList();
        if (converters.Count == 0)
        {
            return;
        }

        _writer.WriteLine("RenameConverters = new global::System.Collections.Generic.Dictionary<string, global::System.Func<global::Strata.Tree.ConfigNode, global::Strata.Tree.ConfigNode?>>");
        _writer.OpenBlock();
        foreach (var rename in converters)
        {
            _writer.WriteLine("[" + Literals.String(rename.OldPath) + "] = " + _self + "." + Identifier(rename.Converter!) + ","); // Filtered above.
        }

        _writer.CloseBlock(",");
    }

    private void WriteRemovedKeys()
    {
        if (_model.RemovedKeys.IsEmpty)
        {
            return;
        }

        _writer.WriteLine("RemovedKeys = new global::Strata.RemovedKeyAttribute[]");
        _writer.OpenBlock();
        foreach (var removed in _model.RemovedKeys)
        {
            var initializers = new List<string>();
            AddInitializer(initializers, "Reason", removed.Reason);
            WriteCreation("new(" + Literals.String(removed.Key) + ")", initializers);
        }

        _writer.CloseBlock(",");
    }

    private void WriteHook(HookModel hook, string name, string overrideName, string argumentType, string argumentName)
    {
        if (hook.Shape == HookShape.None)
        {
            return;
        }

        var arguments = hook.Shape == HookShape.WithArgument ? argumentName : string.Empty;
        _writer.WriteLine();
        if (hook.NeedsDeclaration)
        {
            var parameters = hook.Shape == HookShape.WithArgument ? argumentType + " " + argumentName : string.Empty;
            var accessibility = hook.Accessibility.Length == 0 ? string.Empty : hook.Accessibility + " ";
            _writer.WriteLine(accessibility + "partial void " + name + "(" + parameters + ");");
            _writer.WriteLine();
        }

        _writer.WriteLine("/// <inheritdoc />");
        _writer.OpenBlock("protected override void " + overrideName + "(" + argumentType + " " + argumentName + ")");
        _writer.WriteLine("base." + overrideName + "(" + argumentName + ");");
        _writer.WriteLine(name + "(" + arguments + ");");
        _writer.CloseBlock();
    }

    private void WriteOptional(string name, string? value)
    {
        if (value is not null)
        {
            _writer.WriteLine(name + " = " + Literals.String(value) + ",");
        }
    }

    /// <summary>Writes <c>creation,</c> or <c>creation { A = a, B = b },</c> over several lines.</summary>
    private void WriteCreation(string creation, List<string> initializers)
    {
        if (initializers.Count == 0)
        {
            _writer.WriteLine(creation + ",");
            return;
        }

        _writer.WriteLine(creation);
        _writer.OpenBlock();
        foreach (var initializer in initializers)
        {
            _writer.WriteLine(initializer + ",");
        }

        _writer.CloseBlock(",");
    }

    private static void AddInitializer(List<string> initializers, string name, string? value)
    {
        if (value is not null)
        {
            initializers.Add(name + " = " + Literals.String(value));
        }
    }

    private static void AddInitializer(List<string> initializers, string name, bool value)
    {
        if (value)
        {
            initializers.Add(name + " = true");
        }
    }

    private static string Accessor(string modifiers, string keyword) => modifiers.Length == 0 ? keyword : modifiers + " " + keyword;
}
