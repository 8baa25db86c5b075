// LeadAlign: the Accept, Reject and Recycle commands of the lead form and the lead views (Entities/Lead/RibbonDiff.xml).
// Each calls the lead's Custom API (la_AcceptLead, la_RejectLead, la_RecycleLead) with Xrm.WebApi.online.execute, bound to
// the lead, as the signed-in user, then refreshes the form or the grid; on failure it shows the platform's error text.
// Reject opens la_rejectleaddialog.html as a dialog (Xrm.Navigation.navigateTo), which asks for the reason and sends it.
var LeadAlign = window.LeadAlign || {};
LeadAlign.LeadCommands = (function () {
    "use strict";

    var RejectDialog = "la_rejectleaddialog.html";

    // A request for a Custom API bound to a lead: getMetadata names the bound parameter "entity" (the lead, mscrm.lead,
    // structural property 5: entity type), the operation (type 0: action) and each parameter's type (structural property 1:
    // primitive). A Picklist parameter of a Custom API is an Edm.Int32, a String an Edm.String.
    function boundRequest(operationName, leadId, parameters) {
        var parameterTypes = { entity: { typeName: "mscrm.lead", structuralProperty: 5 } };
        var request = { entity: { entityType: "lead", id: trimBraces(leadId) } };
        Object.keys(parameters || {}).forEach(function (name) {
            var parameter = parameters[name];
            if (parameter.value === null || parameter.value === undefined || parameter.value === "") {
                return;
            }

            parameterTypes[name] = { typeName: parameter.typeName, structuralProperty: 1 };
            request[name] = parameter.value;
        });
        request.getMetadata = function () {
            return { boundParameter: "entity", parameterTypes: parameterTypes, operationType: 0, operationName: operationName };
        };
        return request;
    }

    function acceptRequest(leadId) {
        return boundRequest("la_AcceptLead", leadId, {});
    }

    function rejectRequest(leadId, reason, notes) {
        return boundRequest("la_RejectLead", leadId, {
            Reason: { typeName: "Edm.Int32", value: reason },
            Notes: { typeName: "Edm.String", value: notes },
        });
    }

    function recycleRequest(leadId, reason) {
        return boundRequest("la_RecycleLead", leadId, { Reason: { typeName: "Edm.String", value: reason } });
    }

    function trimBraces(id) {
        return String(id).replace(/[{}]/g, "").toLowerCase();
    }

    // The form's Xrm, or, in the reject dialog (a web resource page opened by navigateTo), its parent's.
    function xrm() {
        return window.Xrm || (window.parent && window.parent.Xrm);
    }

    // Runs the requests one after the other (a user's leads, each checked by the platform as its own call) and resolves with
    // the first failure's error, or null when every call succeeded.
    function runAll(requests) {
        return requests.reduce(function (previous, request) {
            return previous.then(function (failure) {
                if (failure) {
                    return failure;
                }

                return xrm().WebApi.online.execute(request).then(function () { return null; }, function (error) { return error || { message: "The request failed." }; });
            });
        }, Promise.resolve(null));
    }

    function showError(error) {
        return xrm().Navigation.openErrorDialog({ message: error.message, errorCode: error.errorCode });
    }

    function afterForm(primaryControl) {
        return function (failure) {
            if (failure) {
                return showError(failure);
            }

            return primaryControl.data.refresh(false);
        };
    }

    function afterGrid(selectedControl) {
        return function (failure) {
            if (selectedControl && selectedControl.refresh) {
                selectedControl.refresh();
            }

            return failure ? showError(failure) : null;
        };
    }

    function formLead(primaryControl) {
        return primaryControl.data.entity.getId();
    }

    function openRejectDialog(leadIds) {
        var data = leadIds.map(trimBraces).join(",");
        return xrm().Navigation.navigateTo(
            { pageType: "webresource", webresourceName: RejectDialog, data: data },
            { target: 2, position: 1, width: { value: 480, unit: "px" }, height: { value: 420, unit: "px" }, title: "Reject lead" });
    }

    function confirmRecycle(count) {
        return xrm().Navigation.openConfirmDialog({
            title: "Recycle to Nurture",
            text: count === 1
                ? "Send this lead back to marketing (Nurture)? Its handoff is cleared and the marketing team owns it again."
                : "Send these " + count + " leads back to marketing (Nurture)? Their handoff is cleared and the marketing team owns them again.",
            confirmButtonLabel: "Recycle",
        });
    }

    return {
        acceptRequest: acceptRequest,
        rejectRequest: rejectRequest,
        recycleRequest: recycleRequest,
        runAll: runAll,

        acceptFromForm: function (primaryControl) {
            return runAll([acceptRequest(formLead(primaryControl))]).then(afterForm(primaryControl));
        },

        rejectFromForm: function (primaryControl) {
            return openRejectDialog([formLead(primaryControl)]).then(function () { return primaryControl.data.refresh(false); });
        },

        recycleFromForm: function (primaryControl) {
            return confirmRecycle(1).then(function (answer) {
                return answer && answer.confirmed ? runAll([recycleRequest(formLead(primaryControl), null)]).then(afterForm(primaryControl)) : null;
            });
        },

        acceptFromGrid: function (selectedIds, selectedControl) {
            return runAll((selectedIds || []).map(acceptRequest)).then(afterGrid(selectedControl));
        },

        rejectFromGrid: function (selectedIds, selectedControl) {
            return openRejectDialog(selectedIds || []).then(function () { return afterGrid(selectedControl)(null); });
        },

        recycleFromGrid: function (selectedIds, selectedControl) {
            var ids = selectedIds || [];
            return confirmRecycle(ids.length).then(function (answer) {
                return answer && answer.confirmed ? runAll(ids.map(function (id) { return recycleRequest(id, null); })).then(afterGrid(selectedControl)) : null;
            });
        },
    };
}());
window.LeadAlign = LeadAlign;
