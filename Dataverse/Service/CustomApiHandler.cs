using System;
using System.Linq;
using LeadAlign.Dataverse.Faults;
using LeadAlign.Dataverse.Metadata;
using LeadAlign.Dataverse.Pipeline;
using LeadAlign.Dataverse.Registration;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Dataverse.Service
{
    /// <summary>
    /// A Custom API of the solution (customapis/*/customapi.xml): executing an <see cref="OrganizationRequest"/> with its unique name
    /// checks the parameters against the declared ones (required, type, unknown names, the bound Target), runs its plug-in type as the
    /// main operation (stage 30), and returns the declared response properties the plug-in wrote.
    /// </summary>
    internal sealed class CustomApiHandler : MessageHandler
    {
        private readonly CustomApiDefinition _api;
        private readonly PluginTypes _types;
        private readonly StepInvoker _invoker;
        private readonly Guid _stepId;

        public CustomApiHandler(CustomApiDefinition api, PluginTypes types, StepInvoker invoker)
            : base(api.UniqueName)
        {
            _api = api;
            _types = types;
            _invoker = invoker;
            _stepId = MetadataCatalog.NameId("customapi:" + api.UniqueName);
        }

        /// <summary>The table a bound Custom API is bound to; "none" for a global one.</summary>
        public override (string Table, Guid Id)? PrimaryRow(OrganizationRequest request) => (_api.BoundEntity ?? "none", Guid.Empty);

        public override void CheckRequest(OrganizationRequest request)
        {
            foreach (var parameter in _api.RequestParameters)
            {
                if (!request.Parameters.TryGetValue(parameter.UniqueName, out var value) || value == null)
                {
                    if (!parameter.IsOptional)
                    {
                        throw DataverseFault.Invalid($"The Custom API '{_api.UniqueName}' requires the parameter '{parameter.UniqueName}' ({parameter.Type}).");
                    }

                    continue;
                }

                if (!parameter.ClrType.IsInstanceOfType(value))
                {
                    throw DataverseFault.Invalid($"The parameter '{parameter.UniqueName}' of the Custom API '{_api.UniqueName}' must be of type {parameter.Type}, not {value.GetType().FullName}.");
                }
            }

            var declared = _api.RequestParameters.Select(parameter => parameter.UniqueName).ToHashSet(StringComparer.Ordinal);
            if (_api.BindingType != 0)
            {
                declared.Add("Target");
            }

            var unknown = request.Parameters.Keys.FirstOrDefault(name => !declared.Contains(name));
            if (unknown != null)
            {
                throw DataverseFault.Invalid($"The Custom API '{_api.UniqueName}' has no parameter '{unknown}'.");
            }

            if (_api.BindingType == 1 && !(request.Parameters.TryGetValue("Target", out var target) && target is EntityReference reference && reference.LogicalName == _api.BoundEntity))
            {
                throw DataverseFault.Invalid($"The Custom API '{_api.UniqueName}' is bound to {_api.BoundEntity}: give the row as the Target parameter (an EntityReference).");
            }
        }

        public override OrganizationResponse Execute(OrganizationRequest request, MessageContext context)
        {
            var operation = context.Operation!;
            if (_api.ExecutePrivilegeName != null)
            {
                context.Access.RequireExecute(operation.UserId, _api.ExecutePrivilegeName);
            }

            var typeName = _types.WithPluginTypeId(_api.PluginTypeIdValue)?.FullName
                ?? throw DataverseFault.Create(DataverseFault.MessageNotSupported, $"The Custom API '{_api.UniqueName}' has no plug-in type the in-memory Dataverse can find (plugintypeid {_api.PluginTypeIdValue}).");
            var step = new StepRegistration(_stepId, typeName, _api.UniqueName, operation.PrimaryEntityName, StepRegistration.MainOperation, 0);
            var pluginContext = new PluginExecutionContext(operation, StepRegistration.MainOperation, 0, true) { UserId = operation.UserId };
            _invoker.Invoke(step, pluginContext);
            var response = new OrganizationResponse { ResponseName = _api.UniqueName };
            foreach (var property in _api.ResponseProperties)
            {
                if (operation.OutputParameters.TryGetValue(property.UniqueName, out var value))
                {
                    response.Results[property.UniqueName] = value;
                }
            }

            return response;
        }
    }
}
