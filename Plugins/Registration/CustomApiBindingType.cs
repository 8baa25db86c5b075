namespace LeadAlign.Plugins.Registration
{
    /// <summary>What a Custom API is bound to, with the platform's values (customapi.bindingtype).</summary>
    public enum CustomApiBindingType
    {
        /// <summary>Bound to nothing: called on the organization.</summary>
        Global = 0,

        /// <summary>Bound to one row of <see cref="CustomApiAttribute.BoundEntity"/>, which the caller gives as the Target.</summary>
        Entity = 1,

        /// <summary>Bound to the table <see cref="CustomApiAttribute.BoundEntity"/>.</summary>
        EntityCollection = 2,
    }
}
