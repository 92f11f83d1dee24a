import { z } from 'zod';
import { pageQuery } from '../../../shared/http/query';

export const query = z.strictObject(pageQuery);
