export { COUNTRY_CODES, isCountryCode, type CountryCode } from "./countries";
export {
  ADDRESS_LIMITS,
  postalCodeExample,
  regionRule,
  validateAddress,
  type AddressCheck,
  type AddressErrors,
  type AddressField,
  type AddressInput,
  type NormalizedAddress,
} from "./address-rules";
