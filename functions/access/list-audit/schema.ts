export { pagedQuery as query } from '../../../shared/http/query';
